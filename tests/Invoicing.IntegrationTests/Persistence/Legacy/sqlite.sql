PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __EFMigrationsHistory VALUES('20261122070000_Initial','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261122080000_InvoiceLifecycle','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261122090000_IdempotencyKeys','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261122100000_EventsAndWebhooks','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261122110000_EventFanOut','10.0.15');
CREATE TABLE IF NOT EXISTS "api_keys" (
    "id" TEXT NOT NULL CONSTRAINT "PK_api_keys" PRIMARY KEY,
    "environment" TEXT NOT NULL,
    "name" TEXT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "revoked_at" TEXT NULL
);
INSERT INTO api_keys VALUES('01A241BF-A543-7D77-8C1D-BA3AA2E7572A','test','legacy-test','sk_test_LegacyFi','a6d86994473e61e148f93ddd1d9202ae0286feec67e551353271888e37b1b0f0','2026-12-04 15:50:08.4518575+00:00',NULL);
INSERT INTO api_keys VALUES('01A241BF-A74B-7C2D-A3A3-A6162309F980','live','legacy-live','sk_live_LegacyFi','a32e7720c50228348c2bf29308f1e34c6e2d33917c9f1c2a533b44bd4a9a5299','2026-12-04 15:50:08.9715442+00:00',NULL);
INSERT INTO api_keys VALUES('01A241C0-007D-74EF-90FC-C0321B9BFEE2','test','revoked','sk_test_TvdvmCig','ea991b2a9debb8e7f1e3cf4eb37803a290ba29965c4d134bee75f2d9a690da23','2026-12-04 15:50:31.8050837+00:00','2026-12-04 15:50:37.1269085+00:00');
CREATE TABLE IF NOT EXISTS "counterparties" (
    "id" TEXT NOT NULL CONSTRAINT "PK_counterparties" PRIMARY KEY,
    "environment" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NULL,
    "created_at" TEXT NOT NULL
);
INSERT INTO counterparties VALUES('01A241BF-A9D1-7DBC-9DE4-C484F1B59F57','test','Ärzte & Söhne GmbH','billing@aerzte.test','2026-12-04 15:50:09.6178508+00:00');
INSERT INTO counterparties VALUES('01A241BF-ABD6-799D-94DA-32D085BC39FD','test','Müller 🚀 Tires',NULL,'2026-12-04 15:50:10.1347894+00:00');
INSERT INTO counterparties VALUES('01A241BF-B767-78C7-9F65-36393870E7FB','live','Ärzte & Söhne GmbH','billing@aerzte.test','2026-12-04 15:50:13.09528+00:00');
INSERT INTO counterparties VALUES('01A241BF-B8ED-7C97-8A97-EA54DB26D599','live','Müller 🚀 Tires',NULL,'2026-12-04 15:50:13.4852002+00:00');
INSERT INTO counterparties VALUES('01A241C0-39DE-7D9F-9E81-9AA480D998B6','test','Undispatched',NULL,'2026-12-04 15:50:46.4940257+00:00');
CREATE TABLE IF NOT EXISTS "invoices" (
    "id" TEXT NOT NULL CONSTRAINT "PK_invoices" PRIMARY KEY,
    "environment" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "discount_amount_cents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "invoice_date" TEXT NOT NULL,
    "invoice_due_date" TEXT NOT NULL,
    "invoice_number" TEXT NOT NULL,
    "note" TEXT NULL,
    "originating_counterparty_id" TEXT NOT NULL,
    "receiving_counterparty_id" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL, "paid_at" TEXT NULL, "voided_at" TEXT NULL,
    CONSTRAINT "FK_invoices_counterparties_originating_counterparty_id" FOREIGN KEY ("originating_counterparty_id") REFERENCES "counterparties" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_invoices_counterparties_receiving_counterparty_id" FOREIGN KEY ("receiving_counterparty_id") REFERENCES "counterparties" ("id") ON DELETE RESTRICT
);
INSERT INTO invoices VALUES('01A241BF-ADA5-7F6B-A2C6-9A49D401242E','test','open',12500,500,'eur','2026-11-01','2026-12-01','test-INV-OPEN','Zahlbar in 30 Tagen — danke!','01A241BF-A9D1-7DBC-9DE4-C484F1B59F57','01A241BF-ABD6-799D-94DA-32D085BC39FD','2026-12-04 15:50:10.597691+00:00','2026-12-04 15:50:10.597691+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241BF-AEEC-7BE9-B7D2-C435B6D26BC2','test','paid',12500,500,'eur','2026-11-01','2026-12-01','test-INV-PAID',NULL,'01A241BF-A9D1-7DBC-9DE4-C484F1B59F57','01A241BF-ABD6-799D-94DA-32D085BC39FD','2026-12-04 15:50:10.9242752+00:00','2026-12-04 15:50:11.755236+00:00','2026-12-04 15:50:11.755236+00:00',NULL);
INSERT INTO invoices VALUES('01A241BF-AFA3-796B-8796-8E440F060579','test','void',12500,500,'eur','2026-11-01','2026-12-01','test-inv-paid',NULL,'01A241BF-A9D1-7DBC-9DE4-C484F1B59F57','01A241BF-ABD6-799D-94DA-32D085BC39FD','2026-12-04 15:50:11.107013+00:00','2026-12-04 15:50:11.9500504+00:00',NULL,'2026-12-04 15:50:11.9500504+00:00');
INSERT INTO invoices VALUES('01A241BF-B611-72ED-B618-10467AA0FE9B','test','open',12500,500,'eur','2026-11-01','2026-12-01','test-B-1',NULL,'01A241BF-ABD6-799D-94DA-32D085BC39FD','01A241BF-A9D1-7DBC-9DE4-C484F1B59F57','2026-12-04 15:50:12.7531923+00:00','2026-12-04 15:50:12.7531923+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241BF-B611-75E7-AC19-488F75FC6968','test','open',12500,500,'eur','2026-11-01','2026-12-01','test-B-2',NULL,'01A241BF-ABD6-799D-94DA-32D085BC39FD','01A241BF-A9D1-7DBC-9DE4-C484F1B59F57','2026-12-04 15:50:12.7531923+00:00','2026-12-04 15:50:12.7531923+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241BF-B611-7DD4-B433-5AE0ED5DEC7B','test','open',12500,500,'eur','2026-11-01','2026-12-01','test-B-3',NULL,'01A241BF-ABD6-799D-94DA-32D085BC39FD','01A241BF-A9D1-7DBC-9DE4-C484F1B59F57','2026-12-04 15:50:12.7531923+00:00','2026-12-04 15:50:12.7531923+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241BF-B9A5-7055-9F78-A4076EEF3EAA','live','open',12500,500,'eur','2026-11-01','2026-12-01','live-INV-OPEN','Zahlbar in 30 Tagen — danke!','01A241BF-B767-78C7-9F65-36393870E7FB','01A241BF-B8ED-7C97-8A97-EA54DB26D599','2026-12-04 15:50:13.6695588+00:00','2026-12-04 15:50:13.6695588+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241BF-BA97-7C3B-8B9C-2CF9737CFBA1','live','paid',12500,500,'eur','2026-11-01','2026-12-01','live-INV-PAID',NULL,'01A241BF-B767-78C7-9F65-36393870E7FB','01A241BF-B8ED-7C97-8A97-EA54DB26D599','2026-12-04 15:50:13.9111036+00:00','2026-12-04 15:50:14.168598+00:00','2026-12-04 15:50:14.168598+00:00',NULL);
INSERT INTO invoices VALUES('01A241BF-BB5C-7331-89E8-4F74033ADEB8','live','void',12500,500,'eur','2026-11-01','2026-12-01','live-inv-paid',NULL,'01A241BF-B767-78C7-9F65-36393870E7FB','01A241BF-B8ED-7C97-8A97-EA54DB26D599','2026-12-04 15:50:14.1087744+00:00','2026-12-04 15:50:14.244593+00:00',NULL,'2026-12-04 15:50:14.244593+00:00');
INSERT INTO invoices VALUES('01A241BF-BC65-7562-9838-B9D0A1F225A4','live','open',12500,500,'eur','2026-11-01','2026-12-01','live-B-1',NULL,'01A241BF-B8ED-7C97-8A97-EA54DB26D599','01A241BF-B767-78C7-9F65-36393870E7FB','2026-12-04 15:50:14.3739263+00:00','2026-12-04 15:50:14.3739263+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241BF-BC65-7E98-BDE3-CBC1940A5E7C','live','open',12500,500,'eur','2026-11-01','2026-12-01','live-B-2',NULL,'01A241BF-B8ED-7C97-8A97-EA54DB26D599','01A241BF-B767-78C7-9F65-36393870E7FB','2026-12-04 15:50:14.3739263+00:00','2026-12-04 15:50:14.3739263+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241BF-BC65-7E98-BDE3-CBC1940A5E7D','live','open',12500,500,'eur','2026-11-01','2026-12-01','live-B-3',NULL,'01A241BF-B8ED-7C97-8A97-EA54DB26D599','01A241BF-B767-78C7-9F65-36393870E7FB','2026-12-04 15:50:14.3739263+00:00','2026-12-04 15:50:14.3739263+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241BF-ED16-7A50-B1A5-8167FC043138','test','paid',12500,500,'eur','2026-11-01','2026-12-01','test-INV-LATE',NULL,'01A241BF-ABD6-799D-94DA-32D085BC39FD','01A241BF-A9D1-7DBC-9DE4-C484F1B59F57','2026-12-04 15:50:26.8387116+00:00','2026-12-04 15:50:27.5024437+00:00','2026-12-04 15:50:27.5024437+00:00',NULL);
CREATE TABLE IF NOT EXISTS "idempotency_keys" (
    "id" TEXT NOT NULL CONSTRAINT "PK_idempotency_keys" PRIMARY KEY,
    "environment" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_method" TEXT NOT NULL,
    "request_path" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "lock_token" TEXT NULL,
    "locked_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "completed_at" TEXT NULL,
    "response_status" INTEGER NULL,
    "response_content_type" TEXT NULL,
    "response_location" TEXT NULL,
    "response_body" BLOB NULL
);
INSERT INTO idempotency_keys VALUES('01A241BF-A967-75B4-96DE-8C60227E0735','test','legacy-test-counterparty','POST','/v1/counterparties','974a092c084c4e4f78ff4c45b1b6ef51e2a61c8a07ac7cda40b81d751b3f5e39',NULL,NULL,'2026-12-04 15:50:09.5118853','2026-12-04 15:50:09.6629902',201,'application/json; charset=utf-8','/v1/counterparties/01a241bf-a9d1-7dbc-9de4-c484f1b59f57',X'18e5bd10ec35897435e3ea5579f31994ed649dd0fa9bc058bd5706318153a45f59d7b3505f30f3346f5859ca4cdeed44605ff741ec2bce99d04f4219e90f1fa39459b6bc41c93674d56629187ef04f0c1bf437c5d876e54afb190085890ed6ede5e669891f758a6c398740261170b0a3e2aebeb024aa70cd69c68e53c9523fb0196a1a24d9bcb6b5d4f53449bf3cae701176d2e9e786e7d6f986729f378b247c65bcf7a022cc30ac3df6155714808983eab4a0618aa445fe5124dfb08a87bd4398ea7b6b6ea8fc51ee600ee4159e906739fce63578fb');
INSERT INTO idempotency_keys VALUES('01A241BF-ACA3-79C3-ABC5-9AD03EEF368C','test','legacy-test-invoice','POST','/v1/invoices','ec16d65a258fdf9d8cc23950ab3de505a34adb1842a89950549c312c18232537',NULL,NULL,'2026-12-04 15:50:10.3393084','2026-12-04 15:50:10.8500302',201,'application/json; charset=utf-8','/v1/invoices/01a241bf-ada5-7f6b-a2c6-9a49d401242e',X'a2a9aef1f027be8bee7df48ee5a930cfa1e955b8fc78463904b5da1d2d652f4c35dc56736e98de005c04695263d7bfce9494e6520074a3cff479c486ac2ee01cb576b23ee78f4d9371ca6b479129a726897cac205c11c89f09b877c40033a44b58bba4266d532e2cdd98eee0b78bbc7c2d0a775b493a20627c6b3f7ecf62d3ab7a1686f009a9a419d0fdd6798879fd81bb1c35de11252f14da7db8984219c5ea7d40cc3de61b323921ba9d8326b1fb134721151fa9c9c69bab626657d1f44df4da22acc44b4aa43dcc2ce9c982e80127d98ae7ae9d3222ec31c252e0eda1383471d41ef0ac9961c2719333a88303ab9849bdd6c4b0d019489ea34fe96b272339b7d22413d95fd75cf6913e22285d4101ba708504cf0a7226d87df435ca832a8cb36b6b77aaaffb80ab28527c568707112228747dff11a77e3de9b2ec34f2805b26dd50b73bb1cf37c1707c6106482b8464d7dcdac708571b8938d48f31339a3925dc0f1ad9f0069fb9ef46b86ed77a1248f34a72ad04bc555ad70c9e10340c3af0c8450a175c4a64a4ebd163064a45f6fccbd3a083e9830433fd2fc070ddb2d0da43450585d8b151b6d9cc9c19fedfe6c72e58485dea55b4564a433eec86f91d523438cfffc2386bace718d8c029a77061f487bd77491f7d43ac85bdf02f8d112869c9c8d905ba2f5e3c99eafce1d21726e6f5029c83d3fdab52f40e72a2788109796eb9ad47f57cf5128a7143bc41ec2eb6d1335d35b335c7a2cdba256580fabf5eab3ad98fbcebdc280d3a491da222ab33c49f601e992b0e0b9b5c64047c86d60417e4e0e113fbefafdc911787b0b9d2');
INSERT INTO idempotency_keys VALUES('01A241BF-B75A-7EA2-8A39-C565678D8465','live','legacy-live-counterparty','POST','/v1/counterparties','974a092c084c4e4f78ff4c45b1b6ef51e2a61c8a07ac7cda40b81d751b3f5e39',NULL,NULL,'2026-12-04 15:50:13.0828807','2026-12-04 15:50:13.0974491',201,'application/json; charset=utf-8','/v1/counterparties/01a241bf-b767-78c7-9f65-36393870e7fb',X'c35d0058761b477510bd2da1b6987bfcb13ba68495e09eaef1c3528ce6b0b409e1d71213f23569b7dda132fc9edb331188d2ef1f78d7e2cc2d0c19440acf7045a790307dc9e9ac6de9115a3e7caa49f1bdc8efbae286a1b08b99f581b8e37c35d015dbda442151f974dbeac1ea8e2b8a7ba5d4012b2c945054c9be64c38fe7e40225ab3a9d01dc2eee1026e56819c80f0eba7ad0e48275991a0a7a6769ee06f6f9875799b925c96de6f1ecad9b44f1c406d3875799012ff3abe3e4e78eea1c471cb6ced0dde40de2a0088521c37b97f6fe08c27da3a2');
INSERT INTO idempotency_keys VALUES('01A241BF-B99B-7C7D-8EDE-5B9B7D88A4E0','live','legacy-live-invoice','POST','/v1/invoices','5c0ab4cd4c793ec50244244ca58e47a840690c1f8ec4981e39ea3231ff705ed6',NULL,NULL,'2026-12-04 15:50:13.6595276','2026-12-04 15:50:13.6727235',201,'application/json; charset=utf-8','/v1/invoices/01a241bf-b9a5-7055-9f78-a4076eef3eaa',X'8aced2fc11c985906599fda9f260faf65d718064de9d9393291d3f30cfa25010c55f345d549e57abb290c9f8346a1d1c49b287a48083437a69ff987315aff38107d4e6ba89b6458551be8a9d01772f933f52a9c805a61ee2d767cd9f88682bb44eca0dbe8db879b2511aa1cb2b07d273c66620a06fe1261e3b602f3a12909a3cd06a2bdff4d56b7f4175d46e2a4c21fbae6c4c4e07dd7197b97c8842cee0afddd2ab1a04e9ab9f24d08b8ba604927a5b508fab2afac0a69596fb07cb7589739b26b024355efaeb81f990c6a59bb3022a16c4977045e148627fc9c57f4d6242d452a6c16c77e685455ae803e505c8378ccc46146ae5e8619203e7f6a1a8bf96037c918029e00224bae4e29e309ce5b1c0dec750254756794177e64e7dfa9bd6c02078edb5f64153b148ce3afacdaad86a26b35ad3febcbdfc23ce5b02b1e57901af70b0a3c4feaa0c579572009e3fdae1c789916a06abf73c36172f7003ff54915290f2d712a92ceed4358f00ca750986440e8346982325dcf7082b2b631fb68740ccc1d3aaa21d29d852a599394076df4bf3629eb66553c45f90b731241f4a0c572c86870937c5b1eb58dd15e95a56d49b0ce180395d0f116f95d0c606b821cef3c2e43be0dbd79659108e9e182bbd34fdbb64c32657bf10051de4a8fb4bf4055fc672be03cc4cf5349ca1dd2b5a802d4d90c4d11651c6cda8384e43d7ed517bde4249d88022e878afac56cf1a95d143fa44c368e1b8f1c000fb684a580b3902ec86dceb3e08bd2adec8cb89fa934e5cb871071b8d5a11153d8a892854e234f1c4024988942044e6bbed9df101a7c66868');
CREATE TABLE IF NOT EXISTS "events" (
    "id" TEXT NOT NULL CONSTRAINT "PK_events" PRIMARY KEY,
    "environment" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
, "dispatched_at" TEXT NULL);
INSERT INTO events VALUES('01A241BF-A9D1-7DBC-9DE4-C484F1B59F58','test','counterparty.created','{"object":"counterparty","id":"01a241bf-a9d1-7dbc-9de4-c484f1b59f57","environment":"test","name":"Ärzte & Söhne GmbH","email":"billing@aerzte.test","created_at":"2026-12-04T15:50:09Z"}','2026-12-04 15:50:09.6178508+00:00','2026-12-04 15:50:09.697');
INSERT INTO events VALUES('01A241BF-ABD6-799D-94DA-32D085BC39FE','test','counterparty.created','{"object":"counterparty","id":"01a241bf-abd6-799d-94da-32d085bc39fd","environment":"test","name":"Müller \uD83D\uDE80 Tires","email":null,"created_at":"2026-12-04T15:50:10Z"}','2026-12-04 15:50:10.1347894+00:00','2026-12-04 15:50:11.262');
INSERT INTO events VALUES('01A241BF-ADA5-7F6B-A2C6-9A49D401242F','test','invoice.created','{"object":"invoice","id":"01a241bf-ada5-7f6b-a2c6-9a49d401242e","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-OPEN","note":"Zahlbar in 30 Tagen — danke!","originating_counterparty_id":"01a241bf-a9d1-7dbc-9de4-c484f1b59f57","receiving_counterparty_id":"01a241bf-abd6-799d-94da-32d085bc39fd","created_at":"2026-12-04T15:50:10Z","updated_at":"2026-12-04T15:50:10Z","paid_at":null,"voided_at":null}','2026-12-04 15:50:10.597691+00:00','2026-12-04 15:50:11.262');
INSERT INTO events VALUES('01A241BF-AEEC-7BE9-B7D2-C435B6D26BC3','test','invoice.created','{"object":"invoice","id":"01a241bf-aeec-7be9-b7d2-c435b6d26bc2","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-PAID","note":null,"originating_counterparty_id":"01a241bf-a9d1-7dbc-9de4-c484f1b59f57","receiving_counterparty_id":"01a241bf-abd6-799d-94da-32d085bc39fd","created_at":"2026-12-04T15:50:10Z","updated_at":"2026-12-04T15:50:10Z","paid_at":null,"voided_at":null}','2026-12-04 15:50:10.9242752+00:00','2026-12-04 15:50:11.262');
INSERT INTO events VALUES('01A241BF-AFA3-7A45-B6DC-680D98B1AA52','test','invoice.created','{"object":"invoice","id":"01a241bf-afa3-796b-8796-8e440f060579","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-inv-paid","note":null,"originating_counterparty_id":"01a241bf-a9d1-7dbc-9de4-c484f1b59f57","receiving_counterparty_id":"01a241bf-abd6-799d-94da-32d085bc39fd","created_at":"2026-12-04T15:50:11Z","updated_at":"2026-12-04T15:50:11Z","paid_at":null,"voided_at":null}','2026-12-04 15:50:11.107013+00:00','2026-12-04 15:50:11.262');
INSERT INTO events VALUES('01A241BF-B22B-780B-83A3-5961B14C6CE1','test','invoice.paid','{"object":"invoice","id":"01a241bf-aeec-7be9-b7d2-c435b6d26bc2","environment":"test","status":"paid","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-PAID","note":null,"originating_counterparty_id":"01a241bf-a9d1-7dbc-9de4-c484f1b59f57","receiving_counterparty_id":"01a241bf-abd6-799d-94da-32d085bc39fd","created_at":"2026-12-04T15:50:10Z","updated_at":"2026-12-04T15:50:11Z","paid_at":"2026-12-04T15:50:11Z","voided_at":null}','2026-12-04 15:50:11.755236+00:00','2026-12-04 15:50:11.857');
INSERT INTO events VALUES('01A241BF-B2EE-7043-8FCA-6803C015810D','test','invoice.voided','{"object":"invoice","id":"01a241bf-afa3-796b-8796-8e440f060579","environment":"test","status":"void","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-inv-paid","note":null,"originating_counterparty_id":"01a241bf-a9d1-7dbc-9de4-c484f1b59f57","receiving_counterparty_id":"01a241bf-abd6-799d-94da-32d085bc39fd","created_at":"2026-12-04T15:50:11Z","updated_at":"2026-12-04T15:50:11Z","paid_at":null,"voided_at":"2026-12-04T15:50:11Z"}','2026-12-04 15:50:11.9500504+00:00','2026-12-04 15:50:11.857');
INSERT INTO events VALUES('01A241BF-B611-7DD4-B433-5AE0ED5DEC7C','test','invoice.created','{"object":"invoice","id":"01a241bf-b611-72ed-b618-10467aa0fe9b","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-B-1","note":null,"originating_counterparty_id":"01a241bf-abd6-799d-94da-32d085bc39fd","receiving_counterparty_id":"01a241bf-a9d1-7dbc-9de4-c484f1b59f57","created_at":"2026-12-04T15:50:12Z","updated_at":"2026-12-04T15:50:12Z","paid_at":null,"voided_at":null}','2026-12-04 15:50:12.7531923+00:00','2026-12-04 15:50:12.819');
INSERT INTO events VALUES('01A241BF-B611-7DD4-B433-5AE0ED5DEC7D','test','invoice.created','{"object":"invoice","id":"01a241bf-b611-75e7-ac19-488f75fc6968","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-B-2","note":null,"originating_counterparty_id":"01a241bf-abd6-799d-94da-32d085bc39fd","receiving_counterparty_id":"01a241bf-a9d1-7dbc-9de4-c484f1b59f57","created_at":"2026-12-04T15:50:12Z","updated_at":"2026-12-04T15:50:12Z","paid_at":null,"voided_at":null}','2026-12-04 15:50:12.7531923+00:00','2026-12-04 15:50:12.819');
INSERT INTO events VALUES('01A241BF-B611-7DD4-B433-5AE0ED5DEC7E','test','invoice.created','{"object":"invoice","id":"01a241bf-b611-7dd4-b433-5ae0ed5dec7b","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-B-3","note":null,"originating_counterparty_id":"01a241bf-abd6-799d-94da-32d085bc39fd","receiving_counterparty_id":"01a241bf-a9d1-7dbc-9de4-c484f1b59f57","created_at":"2026-12-04T15:50:12Z","updated_at":"2026-12-04T15:50:12Z","paid_at":null,"voided_at":null}','2026-12-04 15:50:12.7531923+00:00','2026-12-04 15:50:12.819');
INSERT INTO events VALUES('01A241BF-B767-78C7-9F65-36393870E7FC','live','counterparty.created','{"object":"counterparty","id":"01a241bf-b767-78c7-9f65-36393870e7fb","environment":"live","name":"Ärzte & Söhne GmbH","email":"billing@aerzte.test","created_at":"2026-12-04T15:50:13Z"}','2026-12-04 15:50:13.09528+00:00','2026-12-04 15:50:13.751');
INSERT INTO events VALUES('01A241BF-B8ED-7C97-8A97-EA54DB26D59A','live','counterparty.created','{"object":"counterparty","id":"01a241bf-b8ed-7c97-8a97-ea54db26d599","environment":"live","name":"Müller \uD83D\uDE80 Tires","email":null,"created_at":"2026-12-04T15:50:13Z"}','2026-12-04 15:50:13.4852002+00:00','2026-12-04 15:50:13.751');
INSERT INTO events VALUES('01A241BF-B9A5-7442-B560-6159F91CFA39','live','invoice.created','{"object":"invoice","id":"01a241bf-b9a5-7055-9f78-a4076eef3eaa","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-INV-OPEN","note":"Zahlbar in 30 Tagen — danke!","originating_counterparty_id":"01a241bf-b767-78c7-9f65-36393870e7fb","receiving_counterparty_id":"01a241bf-b8ed-7c97-8a97-ea54db26d599","created_at":"2026-12-04T15:50:13Z","updated_at":"2026-12-04T15:50:13Z","paid_at":null,"voided_at":null}','2026-12-04 15:50:13.6695588+00:00','2026-12-04 15:50:13.751');
INSERT INTO events VALUES('01A241BF-BA97-7C3B-8B9C-2CF9737CFBA2','live','invoice.created','{"object":"invoice","id":"01a241bf-ba97-7c3b-8b9c-2cf9737cfba1","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-INV-PAID","note":null,"originating_counterparty_id":"01a241bf-b767-78c7-9f65-36393870e7fb","receiving_counterparty_id":"01a241bf-b8ed-7c97-8a97-ea54db26d599","created_at":"2026-12-04T15:50:13Z","updated_at":"2026-12-04T15:50:13Z","paid_at":null,"voided_at":null}','2026-12-04 15:50:13.9111036+00:00','2026-12-04 15:50:14.002');
INSERT INTO events VALUES('01A241BF-BB5C-7BCC-8779-7B8143C06A05','live','invoice.created','{"object":"invoice","id":"01a241bf-bb5c-7331-89e8-4f74033adeb8","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-inv-paid","note":null,"originating_counterparty_id":"01a241bf-b767-78c7-9f65-36393870e7fb","receiving_counterparty_id":"01a241bf-b8ed-7c97-8a97-ea54db26d599","created_at":"2026-12-04T15:50:14Z","updated_at":"2026-12-04T15:50:14Z","paid_at":null,"voided_at":null}','2026-12-04 15:50:14.1087744+00:00','2026-12-04 15:50:14.249');
INSERT INTO events VALUES('01A241BF-BB98-7A0C-AF06-96C6668DF714','live','invoice.paid','{"object":"invoice","id":"01a241bf-ba97-7c3b-8b9c-2cf9737cfba1","environment":"live","status":"paid","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-INV-PAID","note":null,"originating_counterparty_id":"01a241bf-b767-78c7-9f65-36393870e7fb","receiving_counterparty_id":"01a241bf-b8ed-7c97-8a97-ea54db26d599","created_at":"2026-12-04T15:50:13Z","updated_at":"2026-12-04T15:50:14Z","paid_at":"2026-12-04T15:50:14Z","voided_at":null}','2026-12-04 15:50:14.168598+00:00','2026-12-04 15:50:14.249');
INSERT INTO events VALUES('01A241BF-BBE4-74F6-9534-C61ED19CB385','live','invoice.voided','{"object":"invoice","id":"01a241bf-bb5c-7331-89e8-4f74033adeb8","environment":"live","status":"void","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-inv-paid","note":null,"originating_counterparty_id":"01a241bf-b767-78c7-9f65-36393870e7fb","receiving_counterparty_id":"01a241bf-b8ed-7c97-8a97-ea54db26d599","created_at":"2026-12-04T15:50:14Z","updated_at":"2026-12-04T15:50:14Z","paid_at":null,"voided_at":"2026-12-04T15:50:14Z"}','2026-12-04 15:50:14.244593+00:00','2026-12-04 15:50:14.249');
INSERT INTO events VALUES('01A241BF-BC65-7E98-BDE3-CBC1940A5E7E','live','invoice.created','{"object":"invoice","id":"01a241bf-bc65-7562-9838-b9d0a1f225a4","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-B-1","note":null,"originating_counterparty_id":"01a241bf-b8ed-7c97-8a97-ea54db26d599","receiving_counterparty_id":"01a241bf-b767-78c7-9f65-36393870e7fb","created_at":"2026-12-04T15:50:14Z","updated_at":"2026-12-04T15:50:14Z","paid_at":null,"voided_at":null}','2026-12-04 15:50:14.3739263+00:00','2026-12-04 15:50:14.249');
INSERT INTO events VALUES('01A241BF-BC65-7E98-BDE3-CBC1940A5E7F','live','invoice.created','{"object":"invoice","id":"01a241bf-bc65-7e98-bde3-cbc1940a5e7c","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-B-2","note":null,"originating_counterparty_id":"01a241bf-b8ed-7c97-8a97-ea54db26d599","receiving_counterparty_id":"01a241bf-b767-78c7-9f65-36393870e7fb","created_at":"2026-12-04T15:50:14Z","updated_at":"2026-12-04T15:50:14Z","paid_at":null,"voided_at":null}','2026-12-04 15:50:14.3739263+00:00','2026-12-04 15:50:14.249');
INSERT INTO events VALUES('01A241BF-BC65-7E98-BDE3-CBC1940A5E80','live','invoice.created','{"object":"invoice","id":"01a241bf-bc65-7e98-bde3-cbc1940a5e7d","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-B-3","note":null,"originating_counterparty_id":"01a241bf-b8ed-7c97-8a97-ea54db26d599","receiving_counterparty_id":"01a241bf-b767-78c7-9f65-36393870e7fb","created_at":"2026-12-04T15:50:14Z","updated_at":"2026-12-04T15:50:14Z","paid_at":null,"voided_at":null}','2026-12-04 15:50:14.3739263+00:00','2026-12-04 15:50:14.249');
INSERT INTO events VALUES('01A241BF-ED16-7EF0-B034-CA40CA3B6F4D','test','invoice.created','{"object":"invoice","id":"01a241bf-ed16-7a50-b1a5-8167fc043138","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-LATE","note":null,"originating_counterparty_id":"01a241bf-abd6-799d-94da-32d085bc39fd","receiving_counterparty_id":"01a241bf-a9d1-7dbc-9de4-c484f1b59f57","created_at":"2026-12-04T15:50:26Z","updated_at":"2026-12-04T15:50:26Z","paid_at":null,"voided_at":null}','2026-12-04 15:50:26.8387116+00:00','2026-12-04 15:50:26.846');
INSERT INTO events VALUES('01A241BF-EFAE-7005-847E-FD988DFB429E','test','invoice.paid','{"object":"invoice","id":"01a241bf-ed16-7a50-b1a5-8167fc043138","environment":"test","status":"paid","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-LATE","note":null,"originating_counterparty_id":"01a241bf-abd6-799d-94da-32d085bc39fd","receiving_counterparty_id":"01a241bf-a9d1-7dbc-9de4-c484f1b59f57","created_at":"2026-12-04T15:50:26Z","updated_at":"2026-12-04T15:50:27Z","paid_at":"2026-12-04T15:50:27Z","voided_at":null}','2026-12-04 15:50:27.5024437+00:00','2026-12-04 15:50:28.126');
INSERT INTO events VALUES('01A241C0-39DE-7D9F-9E81-9AA480D998B7','test','counterparty.created','{"object":"counterparty","id":"01a241c0-39de-7d9f-9e81-9aa480d998b6","environment":"test","name":"Undispatched","email":null,"created_at":"2026-12-04T15:50:46Z"}','2026-12-04 15:50:46.4940257+00:00',NULL);
CREATE TABLE IF NOT EXISTS "webhook_endpoints" (
    "id" TEXT NOT NULL CONSTRAINT "PK_webhook_endpoints" PRIMARY KEY,
    "environment" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "enabled_events" TEXT NOT NULL,
    "protected_secret" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);
INSERT INTO webhook_endpoints VALUES('01A241BF-A832-79DD-9BD5-EC13DCB2AE38','test','http://127.0.0.1:41237/ok','*','v1.JFE5xDrbWUE55o8XZoooeoFC7v7N30twRh4m7ELuFf7x+F38k9xEFSOjDGlwlcJWHEbY2TA4LqBMzIQVtoy7aO/l','2026-12-04 15:50:09.2021839+00:00');
INSERT INTO webhook_endpoints VALUES('01A241BF-A8F8-7E4C-91BE-9C4AE17D0BDE','test','http://127.0.0.1:41237/fail','invoice.paid invoice.voided','v1.WKpRYJ0eBxQyAI4QKpN/PuCycb+UVLT0ze+KjmSvBiGrTNNvuKTyNLx1kjSVtvCWdGLtS+2YoY3C/tLNgTmfDwDQ','2026-12-04 15:50:09.400086+00:00');
CREATE TABLE IF NOT EXISTS "webhook_deliveries" (
    "id" TEXT NOT NULL CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY,
    "event_id" TEXT NOT NULL,
    "webhook_endpoint_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempt_count" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "completed_at" TEXT NULL,
    CONSTRAINT "FK_webhook_deliveries_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_webhook_deliveries_webhook_endpoints_webhook_endpoint_id" FOREIGN KEY ("webhook_endpoint_id") REFERENCES "webhook_endpoints" ("id") ON DELETE CASCADE
);
INSERT INTO webhook_deliveries VALUES('01A241BF-A9D1-7F4C-B23B-AD50B62FB674','01A241BF-A9D1-7DBC-9DE4-C484F1B59F58','01A241BF-A832-79DD-9BD5-EC13DCB2AE38','delivered',1,'2026-12-04 15:50:10.4853919','2026-12-04 15:50:09.6178508','2026-12-04 15:50:10.4853919');
INSERT INTO webhook_deliveries VALUES('01A241BF-ABD6-7774-BC67-19522EFF5494','01A241BF-ABD6-799D-94DA-32D085BC39FE','01A241BF-A832-79DD-9BD5-EC13DCB2AE38','delivered',1,'2026-12-04 15:50:11.606803','2026-12-04 15:50:10.1347894','2026-12-04 15:50:11.606803');
INSERT INTO webhook_deliveries VALUES('01A241BF-ADA5-78EA-8BE4-5170F30AB373','01A241BF-ADA5-7F6B-A2C6-9A49D401242F','01A241BF-A832-79DD-9BD5-EC13DCB2AE38','delivered',1,'2026-12-04 15:50:11.6102387','2026-12-04 15:50:10.597691','2026-12-04 15:50:11.6102387');
INSERT INTO webhook_deliveries VALUES('01A241BF-AEEC-7BF7-A92A-F57C09FB950A','01A241BF-AEEC-7BE9-B7D2-C435B6D26BC3','01A241BF-A832-79DD-9BD5-EC13DCB2AE38','delivered',1,'2026-12-04 15:50:11.6143548','2026-12-04 15:50:10.9242752','2026-12-04 15:50:11.6143548');
INSERT INTO webhook_deliveries VALUES('01A241BF-AFA3-7E09-9783-ADD5E0FAE12F','01A241BF-AFA3-7A45-B6DC-680D98B1AA52','01A241BF-A832-79DD-9BD5-EC13DCB2AE38','delivered',1,'2026-12-04 15:50:11.6348253','2026-12-04 15:50:11.107013','2026-12-04 15:50:11.6348253');
INSERT INTO webhook_deliveries VALUES('01A241BF-B22B-72B5-8B63-9C4768A4C5C3','01A241BF-B22B-780B-83A3-5961B14C6CE1','01A241BF-A832-79DD-9BD5-EC13DCB2AE38','delivered',1,'2026-12-04 15:50:12.5061254','2026-12-04 15:50:11.755236','2026-12-04 15:50:12.5061254');
INSERT INTO webhook_deliveries VALUES('01A241BF-B22B-75EF-86E7-917601BE5D32','01A241BF-B22B-780B-83A3-5961B14C6CE1','01A241BF-A8F8-7E4C-91BE-9C4AE17D0BDE','failed',2,'2026-12-04 15:50:13.784466','2026-12-04 15:50:11.755236','2026-12-04 15:50:13.784466');
INSERT INTO webhook_deliveries VALUES('01A241BF-B2EE-7AAC-B66F-E905DAA301AD','01A241BF-B2EE-7043-8FCA-6803C015810D','01A241BF-A832-79DD-9BD5-EC13DCB2AE38','delivered',1,'2026-12-04 15:50:12.6035234','2026-12-04 15:50:11.9500504','2026-12-04 15:50:12.6035234');
INSERT INTO webhook_deliveries VALUES('01A241BF-B2EE-7D28-B29A-E3AE8876171F','01A241BF-B2EE-7043-8FCA-6803C015810D','01A241BF-A8F8-7E4C-91BE-9C4AE17D0BDE','failed',3,'2026-12-04 15:50:15.9335296','2026-12-04 15:50:11.9500504','2026-12-04 15:50:15.9335296');
INSERT INTO webhook_deliveries VALUES('01A241BF-B611-74E0-B318-17D73FB65FE5','01A241BF-B611-7DD4-B433-5AE0ED5DEC7C','01A241BF-A832-79DD-9BD5-EC13DCB2AE38','delivered',1,'2026-12-04 15:50:13.1011952','2026-12-04 15:50:12.7531923','2026-12-04 15:50:13.1011952');
INSERT INTO webhook_deliveries VALUES('01A241BF-B611-75C4-BAD6-87CF9AAFF60A','01A241BF-B611-7DD4-B433-5AE0ED5DEC7D','01A241BF-A832-79DD-9BD5-EC13DCB2AE38','delivered',1,'2026-12-04 15:50:13.3896421','2026-12-04 15:50:12.7531923','2026-12-04 15:50:13.3896421');
INSERT INTO webhook_deliveries VALUES('01A241BF-B611-7D7C-ADD3-EBFBA4692433','01A241BF-B611-7DD4-B433-5AE0ED5DEC7E','01A241BF-A832-79DD-9BD5-EC13DCB2AE38','delivered',1,'2026-12-04 15:50:13.4709385','2026-12-04 15:50:12.7531923','2026-12-04 15:50:13.4709385');
INSERT INTO webhook_deliveries VALUES('01A241BF-ED16-7A4B-8BFF-35E0C0564CF9','01A241BF-ED16-7EF0-B034-CA40CA3B6F4D','01A241BF-A832-79DD-9BD5-EC13DCB2AE38','delivered',1,'2026-12-04 15:50:27.8070086','2026-12-04 15:50:26.8387116','2026-12-04 15:50:27.8070086');
INSERT INTO webhook_deliveries VALUES('01A241BF-EFAE-7D9D-B700-D54FBF3C98A3','01A241BF-EFAE-7005-847E-FD988DFB429E','01A241BF-A8F8-7E4C-91BE-9C4AE17D0BDE','pending',2,'2026-12-04 15:50:30.533','2026-12-04 15:50:27.5024437',NULL);
INSERT INTO webhook_deliveries VALUES('01A241BF-EFAE-7DE6-A66F-F78E02B5B3BA','01A241BF-EFAE-7005-847E-FD988DFB429E','01A241BF-A832-79DD-9BD5-EC13DCB2AE38','delivered',1,'2026-12-04 15:50:28.2707977','2026-12-04 15:50:27.5024437','2026-12-04 15:50:28.2707977');
CREATE TABLE IF NOT EXISTS "webhook_delivery_attempts" (
    "id" TEXT NOT NULL CONSTRAINT "PK_webhook_delivery_attempts" PRIMARY KEY,
    "webhook_delivery_id" TEXT NOT NULL,
    "attempted_at" TEXT NOT NULL,
    "response_status" INTEGER NULL,
    "duration_ms" INTEGER NOT NULL,
    "response_body" TEXT NULL,
    "error" TEXT NULL,
    CONSTRAINT "FK_webhook_delivery_attempts_webhook_delivery_id" FOREIGN KEY ("webhook_delivery_id") REFERENCES "webhook_deliveries" ("id") ON DELETE CASCADE
);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-AC99-729F-9800-42D096778D4B','01A241BF-A9D1-7F4C-B23B-AD50B62FB674','2026-12-04 15:50:10.3294538',200,151,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-B185-776C-8F39-E8B212BF8ABB','01A241BF-ABD6-7774-BC67-19522EFF5494','2026-12-04 15:50:11.5892872',200,16,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-B188-7D16-8E3F-05B2D1E3845D','01A241BF-ADA5-78EA-8BE4-5170F30AB373','2026-12-04 15:50:11.5928086',200,13,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-B189-73A3-BBA2-25E0C9B600F3','01A241BF-AEEC-7BF7-A92A-F57C09FB950A','2026-12-04 15:50:11.5932205',200,13,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-B189-7093-954B-C0023E582D00','01A241BF-AFA3-7E09-9783-ADD5E0FAE12F','2026-12-04 15:50:11.5932913',200,12,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-B4B6-70C1-AB1F-824117BEE96D','01A241BF-B22B-72B5-8B63-9C4768A4C5C3','2026-12-04 15:50:12.406769',200,99,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-B4BD-7381-BD09-01817FA21A4B','01A241BF-B22B-75EF-86E7-917601BE5D32','2026-12-04 15:50:12.4130933',500,92,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-B4BD-72E5-A269-0E651FB9B88C','01A241BF-B2EE-7AAC-B66F-E905DAA301AD','2026-12-04 15:50:12.4137205',200,88,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-B4BD-73AE-9310-ADC7D423D1E6','01A241BF-B2EE-7D28-B29A-E3AE8876171F','2026-12-04 15:50:12.4139045',500,71,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-B65B-7850-B079-03D152772093','01A241BF-B611-74E0-B318-17D73FB65FE5','2026-12-04 15:50:12.8274217',200,85,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-B65E-77E4-84FB-C7A99A34C40E','01A241BF-B611-75C4-BAD6-87CF9AAFF60A','2026-12-04 15:50:12.830328',200,270,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-B65E-7D61-8F17-1DE792938311','01A241BF-B611-7D7C-ADD3-EBFBA4692433','2026-12-04 15:50:12.8308478',200,87,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-BA13-7017-99E9-B27EF113A63B','01A241BF-B22B-75EF-86E7-917601BE5D32','2026-12-04 15:50:13.7794556',500,4,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-BA14-7D06-BF40-036EBB3FCE3C','01A241BF-B2EE-7D28-B29A-E3AE8876171F','2026-12-04 15:50:13.7804454',500,2,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-C26B-7B9A-A3FA-372A0783C5F5','01A241BF-B2EE-7D28-B29A-E3AE8876171F','2026-12-04 15:50:15.915366',500,18,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-F002-760A-B40E-DC621FF602F5','01A241BF-ED16-7A4B-8BFF-35E0C0564CF9','2026-12-04 15:50:27.5869453',200,201,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-F299-7D95-9F61-285558338566','01A241BF-EFAE-7D9D-B700-D54FBF3C98A3','2026-12-04 15:50:28.2498515',500,11,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-F29E-7FA5-B8D2-F45CCD01CA23','01A241BF-EFAE-7DE6-A66F-F78E02B5B3BA','2026-12-04 15:50:28.2546006',200,10,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241BF-F5E1-758C-AA93-7D3C84E347C3','01A241BF-EFAE-7D9D-B700-D54FBF3C98A3','2026-12-04 15:50:29.0893073',500,6,'no',NULL);
CREATE UNIQUE INDEX "IX_api_keys_hash" ON "api_keys" ("hash");
CREATE UNIQUE INDEX "IX_api_keys_prefix" ON "api_keys" ("prefix");
CREATE UNIQUE INDEX "UX_invoices_environment_originating_counterparty_number" ON "invoices" ("environment", "originating_counterparty_id", "invoice_number");
CREATE INDEX "IX_invoices_originating_counterparty_id" ON "invoices" ("originating_counterparty_id");
CREATE INDEX "IX_invoices_receiving_counterparty_id" ON "invoices" ("receiving_counterparty_id");
CREATE INDEX "IX_counterparties_environment_id" ON "counterparties" ("environment", "id");
CREATE INDEX "IX_invoices_environment_id" ON "invoices" ("environment", "id");
CREATE INDEX "IX_invoices_environment_status_id" ON "invoices" ("environment", "status", "id");
CREATE INDEX "IX_invoices_environment_originating_counterparty_id_id" ON "invoices" ("environment", "originating_counterparty_id", "id");
CREATE INDEX "IX_invoices_environment_receiving_counterparty_id_id" ON "invoices" ("environment", "receiving_counterparty_id", "id");
CREATE INDEX "IX_invoices_environment_invoice_date_id" ON "invoices" ("environment", "invoice_date", "id");
CREATE UNIQUE INDEX "UX_idempotency_keys_environment_key" ON "idempotency_keys" ("environment", "key");
CREATE INDEX "IX_idempotency_keys_created_at" ON "idempotency_keys" ("created_at");
CREATE INDEX "IX_events_environment_id" ON "events" ("environment", "id");
CREATE INDEX "IX_events_environment_type_id" ON "events" ("environment", "type", "id");
CREATE INDEX "IX_webhook_endpoints_environment_id" ON "webhook_endpoints" ("environment", "id");
CREATE INDEX "IX_webhook_deliveries_status_next_attempt_at" ON "webhook_deliveries" ("status", "next_attempt_at");
CREATE INDEX "IX_webhook_deliveries_event_id" ON "webhook_deliveries" ("event_id");
CREATE INDEX "IX_webhook_deliveries_webhook_endpoint_id" ON "webhook_deliveries" ("webhook_endpoint_id");
CREATE INDEX "IX_webhook_delivery_attempts_webhook_delivery_id" ON "webhook_delivery_attempts" ("webhook_delivery_id");
CREATE INDEX "IX_events_undispatched" ON "events" ("id") WHERE dispatched_at IS NULL;
COMMIT;
