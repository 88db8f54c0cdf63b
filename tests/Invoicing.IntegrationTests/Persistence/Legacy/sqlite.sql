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
INSERT INTO api_keys VALUES('01A241A8-608D-779B-932D-2D69B69176E2','test','legacy-test','sk_test_LegacyFi','a6d86994473e61e148f93ddd1d9202ae0286feec67e551353271888e37b1b0f0','2026-12-04 15:24:43.5330908+00:00',NULL);
INSERT INTO api_keys VALUES('01A241A8-6B57-77AC-86E7-845E3D053301','live','legacy-live','sk_live_LegacyFi','a32e7720c50228348c2bf29308f1e34c6e2d33917c9f1c2a533b44bd4a9a5299','2026-12-04 15:24:46.2957125+00:00',NULL);
INSERT INTO api_keys VALUES('01A241A9-1383-746C-A706-1878F4F899B5','test','revoked','sk_test_JhUFRMIz','cd82566698a0dad189f50d86ccce96560418a73bbaa78193d534a5d2d472f402','2026-12-04 15:25:29.3476106+00:00','2026-12-04 15:25:40.6374333+00:00');
CREATE TABLE IF NOT EXISTS "counterparties" (
    "id" TEXT NOT NULL CONSTRAINT "PK_counterparties" PRIMARY KEY,
    "environment" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NULL,
    "created_at" TEXT NOT NULL
);
INSERT INTO counterparties VALUES('01A241A8-747C-7E36-945E-79D3406919A2','test','Ärzte & Söhne GmbH','billing@aerzte.test','2026-12-04 15:24:48.636421+00:00');
INSERT INTO counterparties VALUES('01A241A8-7871-7F72-B83C-68249493CC14','test','Müller 🚀 Tires',NULL,'2026-12-04 15:24:49.6495915+00:00');
INSERT INTO counterparties VALUES('01A241A8-87F1-7979-90D1-4C2724D6D7F7','live','Ärzte & Söhne GmbH','billing@aerzte.test','2026-12-04 15:24:53.6176073+00:00');
INSERT INTO counterparties VALUES('01A241A8-88F4-7EA3-8E8E-490C1F386C04','live','Müller 🚀 Tires',NULL,'2026-12-04 15:24:53.8764762+00:00');
INSERT INTO counterparties VALUES('01A241A9-5C04-7A72-9F70-2D2BCAFFA72F','test','Undispatched',NULL,'2026-12-04 15:25:47.9083336+00:00');
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
INSERT INTO invoices VALUES('01A241A8-7BF2-7A0E-AC56-53DD915B4B3E','test','open',12500,500,'eur','2026-11-01','2026-12-01','test-INV-OPEN','Zahlbar in 30 Tagen — danke!','01A241A8-747C-7E36-945E-79D3406919A2','01A241A8-7871-7F72-B83C-68249493CC14','2026-12-04 15:24:50.5469062+00:00','2026-12-04 15:24:50.5469062+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241A8-7F2F-7901-B163-AB0CDBAF865B','test','paid',12500,500,'eur','2026-11-01','2026-12-01','test-INV-PAID',NULL,'01A241A8-747C-7E36-945E-79D3406919A2','01A241A8-7871-7F72-B83C-68249493CC14','2026-12-04 15:24:51.3757223+00:00','2026-12-04 15:24:52.0644141+00:00','2026-12-04 15:24:52.0644141+00:00',NULL);
INSERT INTO invoices VALUES('01A241A8-80E9-7A10-9466-5F8B50991B0F','test','void',12500,500,'eur','2026-11-01','2026-12-01','test-inv-paid',NULL,'01A241A8-747C-7E36-945E-79D3406919A2','01A241A8-7871-7F72-B83C-68249493CC14','2026-12-04 15:24:51.8179141+00:00','2026-12-04 15:24:52.4385528+00:00',NULL,'2026-12-04 15:24:52.4385528+00:00');
INSERT INTO invoices VALUES('01A241A8-8521-7DBF-94F1-8C41D7A9FBAD','test','open',12500,500,'eur','2026-11-01','2026-12-01','test-B-1',NULL,'01A241A8-7871-7F72-B83C-68249493CC14','01A241A8-747C-7E36-945E-79D3406919A2','2026-12-04 15:24:52.8975961+00:00','2026-12-04 15:24:52.8975961+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241A8-8521-7DBF-94F1-8C41D7A9FBAE','test','open',12500,500,'eur','2026-11-01','2026-12-01','test-B-2',NULL,'01A241A8-7871-7F72-B83C-68249493CC14','01A241A8-747C-7E36-945E-79D3406919A2','2026-12-04 15:24:52.8975961+00:00','2026-12-04 15:24:52.8975961+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241A8-8521-7DBF-94F1-8C41D7A9FBAF','test','open',12500,500,'eur','2026-11-01','2026-12-01','test-B-3',NULL,'01A241A8-7871-7F72-B83C-68249493CC14','01A241A8-747C-7E36-945E-79D3406919A2','2026-12-04 15:24:52.8975961+00:00','2026-12-04 15:24:52.8975961+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241A8-8A0A-7FB5-8326-E1630009CF87','live','open',12500,500,'eur','2026-11-01','2026-12-01','live-INV-OPEN','Zahlbar in 30 Tagen — danke!','01A241A8-87F1-7979-90D1-4C2724D6D7F7','01A241A8-88F4-7EA3-8E8E-490C1F386C04','2026-12-04 15:24:54.1540013+00:00','2026-12-04 15:24:54.1540013+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241A8-8B20-74EB-9AB2-F798D18374C8','live','paid',12500,500,'eur','2026-11-01','2026-12-01','live-INV-PAID',NULL,'01A241A8-87F1-7979-90D1-4C2724D6D7F7','01A241A8-88F4-7EA3-8E8E-490C1F386C04','2026-12-04 15:24:54.4324553+00:00','2026-12-04 15:24:54.8725085+00:00','2026-12-04 15:24:54.8725085+00:00',NULL);
INSERT INTO invoices VALUES('01A241A8-8C53-7FD8-9E34-996BC535E4F3','live','void',12500,500,'eur','2026-11-01','2026-12-01','live-inv-paid',NULL,'01A241A8-87F1-7979-90D1-4C2724D6D7F7','01A241A8-88F4-7EA3-8E8E-490C1F386C04','2026-12-04 15:24:54.7397491+00:00','2026-12-04 15:24:55.1428243+00:00',NULL,'2026-12-04 15:24:55.1428243+00:00');
INSERT INTO invoices VALUES('01A241A8-8FDE-7EE5-9FE6-CAE0A443218C','live','open',12500,500,'eur','2026-11-01','2026-12-01','live-B-1',NULL,'01A241A8-88F4-7EA3-8E8E-490C1F386C04','01A241A8-87F1-7979-90D1-4C2724D6D7F7','2026-12-04 15:24:55.6467436+00:00','2026-12-04 15:24:55.6467436+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241A8-8FDE-7EE5-9FE6-CAE0A443218D','live','open',12500,500,'eur','2026-11-01','2026-12-01','live-B-2',NULL,'01A241A8-88F4-7EA3-8E8E-490C1F386C04','01A241A8-87F1-7979-90D1-4C2724D6D7F7','2026-12-04 15:24:55.6467436+00:00','2026-12-04 15:24:55.6467436+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241A8-8FDE-7EE5-9FE6-CAE0A443218E','live','open',12500,500,'eur','2026-11-01','2026-12-01','live-B-3',NULL,'01A241A8-88F4-7EA3-8E8E-490C1F386C04','01A241A8-87F1-7979-90D1-4C2724D6D7F7','2026-12-04 15:24:55.6467436+00:00','2026-12-04 15:24:55.6467436+00:00',NULL,NULL);
INSERT INTO invoices VALUES('01A241A8-E65F-7DEF-A8F7-0C1A6EF5E0CC','test','paid',12500,500,'eur','2026-11-01','2026-12-01','test-INV-LATE',NULL,'01A241A8-7871-7F72-B83C-68249493CC14','01A241A8-747C-7E36-945E-79D3406919A2','2026-12-04 15:25:17.791347+00:00','2026-12-04 15:25:18.9433826+00:00','2026-12-04 15:25:18.9433826+00:00',NULL);
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
INSERT INTO idempotency_keys VALUES('01A241A8-7132-75F0-A428-47D6F13F3E93','test','legacy-test-counterparty','POST','/v1/counterparties','974a092c084c4e4f78ff4c45b1b6ef51e2a61c8a07ac7cda40b81d751b3f5e39',NULL,NULL,'2026-12-04 15:24:47.7944922','2026-12-04 15:24:48.8006694',201,'application/json; charset=utf-8','/v1/counterparties/01a241a8-747c-7e36-945e-79d3406919a2',X'c8395d29de5e2a6c4ba62a8c26cdee42adf88569deecff1ef7f7b3ae3eb407123252629de34cee6c0273bbeaee07169ec2e023ebfc665b31c12d750ca5ba9758ddcff533df67140cefa1ff11bad986785321d8b501e7889c4e20d453ff21128b42f7712ff1aeb290e5368200820e41d425f17caa00a9956df5791022bf9e6dba4209f16f3ee5512af8b863c1ca3c91f3fe09523e9b3dedcf56133b10ae3cd88ed681a47887c673b78694adbfed2f1e04e97a1c3cf0ddfb13df2fa5a6031da7f0f03c1fd415449a3af3492276b1e08c1b4e30cbf4b4b0');
INSERT INTO idempotency_keys VALUES('01A241A8-797B-754D-AFA0-D611E96526A2','test','legacy-test-invoice','POST','/v1/invoices','ac6cd53c371e14d8556830c5f56b5e49d59a38c1dce32cf47ea6f309bdadf4db',NULL,NULL,'2026-12-04 15:24:49.9153322','2026-12-04 15:24:50.8220608',201,'application/json; charset=utf-8','/v1/invoices/01a241a8-7bf2-7a0e-ac56-53dd915b4b3e',X'76d02276788e185f007fe98299c4f9afbd95dc1348d21787787a0c477a6e175e075e9a1df770aef4a57c609b2e9f9867ee18c05577c87a9b5a0f98d2c2b149c5e0b943dbb5c6fa924f1b389c94111da716b957cc25030fdd3286f0218bab94c55e89b3fdce0cca255b4992c21ae70313d46b89212a094669ad949983c7819094d0826a726e8ddc5f16c4a257290035a852e5892485c3e3e138f888bc73e9c0f25f9a5d75b41e7cda8ec1e6296b02395a925921f290aeb904b7beb39e195fbb31820e38904363ddadf4a2c11f7d6f10fcad5c459c6e473259f0bbb4fb3d58e64ebe70fb6ece93b996c3278a83532d592a3a5d8ee949a8716bd6d2cbbc34cd9aafcd1fca7a9b30e5f1e489ace63f425d2dfce427677f7c5ffcb343e801609a1d45179fbebece502a3d230f81f59df0af2c860e85e4a8f0d4ffef8aeb8b30d3f99c1cacdfc0c089d82277111526834c5d1b35fccdf0263cb6e58d117c854c491297c18aeb198f9340c085c81a08bb1f940ad081c6fca8fef0506cbfad826edcdb7164707ee20a82e5b3fa209e7db28dfd87a0358f1d7b16457cf8634e8cc4692774a734965488da612fd1219777799ab6ea614d28433807835cf0a2b377ce26ad5cbe31a84fc1c9ddc4640a6ee5e735bd1fb11e24352ad94419253e8061481c40a9d05b85d440ea795a5b588cc7955b33ddce3a5026a9ec3dd1d6d980cdce9102f23b045c5489147d446fa4deee04d2973411877c6b92e855c69658fdbce38e690ec3db99d42c8636a2e5d0a014f1c12b05788f60a0d9313f1c74adfc2c332bc795665a89b64c1e85962499e15f42fc0f081f');
INSERT INTO idempotency_keys VALUES('01A241A8-865C-7AC7-B44F-18D488CBAF66','live','legacy-live-counterparty','POST','/v1/counterparties','974a092c084c4e4f78ff4c45b1b6ef51e2a61c8a07ac7cda40b81d751b3f5e39',NULL,NULL,'2026-12-04 15:24:53.2126729','2026-12-04 15:24:53.6334627',201,'application/json; charset=utf-8','/v1/counterparties/01a241a8-87f1-7979-90d1-4c2724d6d7f7',X'b831a9f906f26e13acff123a894bb35e981861ded2d45ef1961b286cb7d8c14e9525116d27a2c995d140c35c25a042f6279b3942a65d50e14109269f74ba71f85a7db919f3cb993399f392c9190abf09b638ddcd275f3b0312b0e02b7eedaa2f5a9e90ea4643d6cea5cd06589340e9cbc0031dc28a7b15b922f6c24ba866e90851622b55d4dbd4166d2a00208463c55dddbdd267cab46aa3be32bc7020efec75045508e1e90df6d70c1a5d1ef9175ae369dfe6c3e82ddffd9cd82d4223e6bdd1525250fc83681f2e3da541db5595516d4eacdea6e021');
INSERT INTO idempotency_keys VALUES('01A241A8-89CC-70A7-8CEB-FD12E0DA4218','live','legacy-live-invoice','POST','/v1/invoices','e63cc79fb995cd960e5b6194097dfe0463da65987e43e286603719ab3e404d8e',NULL,NULL,'2026-12-04 15:24:54.0928471','2026-12-04 15:24:54.1561951',201,'application/json; charset=utf-8','/v1/invoices/01a241a8-8a0a-7fb5-8326-e1630009cf87',X'9d0b0536646c32887c6ea3a63658d19ac57fa960500993c19569d34f0809906315dffed29cdcc6ceb5a3ef90e62ad86d37b61bb838126464860349313e599b6fe05b8f52bb215a641caaa06be2da97bb058f23b3a6f85815a89cc0d1f940807d4285bef831bcfd7b0c87cf63d9580e872303d5d3d5133885e723acc8e55c2e5ac41d5ff6b3fc391414979fde60cb03500ddc0898131f4a5ae7dca16f780f6258e9f4eee5e2e65cf2649c4d022a06a9f32f444c241bf2ec2880fb01aa7ad3f53fc0a64765a6aa4c3fb5155cf140210a80b2e49d90c0fbd22b4f847a8adbdb56fc90e1958bc3a05ef4387c18389b64869b9ab3eb3e554188ab1aaa92bb04ba80310e9e810b9189c38c195f7e7421f58b32f45e69c85b58a284945ea4d9f62616f6e080b47bb57602f6838c56364327c3a07991004f28b127ceb962c6d437c63fde2ada86f92fd64e09d29317dae3db746b60a7bf22c56b8c187a399af6f4c138e94c96f26f7edfbe2e31f3329c6eaf6b7af173fd19efb409ce044748de138d3601516da72c5c1dde635d8f14001def3a73fd5ae0ba54ecf739e93004fc029a8dd054d8800159b3213f0a43ebb80851e00f255fa67a5faef66618560d901b18ae88b215b20a8916e779ec92f7aaa710a8763292622cda5fe556c5b53c38d44a675793de027774074f7b378a69f497534abb20f3914645971ab9641b2a535d9fd3cccafc617f1a6b4b211e27e7093537306866a64190daf424886c48aafa2c2e039909bdb711f5bd18fa62b20f6ae9fbd9c2538d89ad1e1834ad14a7e8895c4ccc89b144feed93a7161b98b8ff8e58e195534b');
CREATE TABLE IF NOT EXISTS "events" (
    "id" TEXT NOT NULL CONSTRAINT "PK_events" PRIMARY KEY,
    "environment" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
, "dispatched_at" TEXT NULL);
INSERT INTO events VALUES('01A241A8-747C-7E36-945E-79D3406919A3','test','counterparty.created','{"object":"counterparty","id":"01a241a8-747c-7e36-945e-79d3406919a2","environment":"test","name":"Ärzte & Söhne GmbH","email":"billing@aerzte.test","created_at":"2026-12-04T15:24:48Z"}','2026-12-04 15:24:48.636421+00:00','2026-12-04 15:24:48.734');
INSERT INTO events VALUES('01A241A8-7871-7F72-B83C-68249493CC15','test','counterparty.created','{"object":"counterparty","id":"01a241a8-7871-7f72-b83c-68249493cc14","environment":"test","name":"Müller \uD83D\uDE80 Tires","email":null,"created_at":"2026-12-04T15:24:49Z"}','2026-12-04 15:24:49.6495915+00:00','2026-12-04 15:24:51.433');
INSERT INTO events VALUES('01A241A8-7BF2-7A0E-AC56-53DD915B4B3F','test','invoice.created','{"object":"invoice","id":"01a241a8-7bf2-7a0e-ac56-53dd915b4b3e","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-OPEN","note":"Zahlbar in 30 Tagen — danke!","originating_counterparty_id":"01a241a8-747c-7e36-945e-79d3406919a2","receiving_counterparty_id":"01a241a8-7871-7f72-b83c-68249493cc14","created_at":"2026-12-04T15:24:50Z","updated_at":"2026-12-04T15:24:50Z","paid_at":null,"voided_at":null}','2026-12-04 15:24:50.5469062+00:00','2026-12-04 15:24:51.433');
INSERT INTO events VALUES('01A241A8-7F2F-7F80-967F-4C903FB69FD9','test','invoice.created','{"object":"invoice","id":"01a241a8-7f2f-7901-b163-ab0cdbaf865b","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-PAID","note":null,"originating_counterparty_id":"01a241a8-747c-7e36-945e-79d3406919a2","receiving_counterparty_id":"01a241a8-7871-7f72-b83c-68249493cc14","created_at":"2026-12-04T15:24:51Z","updated_at":"2026-12-04T15:24:51Z","paid_at":null,"voided_at":null}','2026-12-04 15:24:51.3757223+00:00','2026-12-04 15:24:51.433');
INSERT INTO events VALUES('01A241A8-80E9-7F9F-BC11-977E409B75C4','test','invoice.created','{"object":"invoice","id":"01a241a8-80e9-7a10-9466-5f8b50991b0f","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-inv-paid","note":null,"originating_counterparty_id":"01a241a8-747c-7e36-945e-79d3406919a2","receiving_counterparty_id":"01a241a8-7871-7f72-b83c-68249493cc14","created_at":"2026-12-04T15:24:51Z","updated_at":"2026-12-04T15:24:51Z","paid_at":null,"voided_at":null}','2026-12-04 15:24:51.8179141+00:00','2026-12-04 15:24:52.02');
INSERT INTO events VALUES('01A241A8-81E0-702A-9DDC-624ADFDDFC07','test','invoice.paid','{"object":"invoice","id":"01a241a8-7f2f-7901-b163-ab0cdbaf865b","environment":"test","status":"paid","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-PAID","note":null,"originating_counterparty_id":"01a241a8-747c-7e36-945e-79d3406919a2","receiving_counterparty_id":"01a241a8-7871-7f72-b83c-68249493cc14","created_at":"2026-12-04T15:24:51Z","updated_at":"2026-12-04T15:24:52Z","paid_at":"2026-12-04T15:24:52Z","voided_at":null}','2026-12-04 15:24:52.0644141+00:00','2026-12-04 15:24:52.461');
INSERT INTO events VALUES('01A241A8-8356-7EA9-ACFE-2AC032AB12B8','test','invoice.voided','{"object":"invoice","id":"01a241a8-80e9-7a10-9466-5f8b50991b0f","environment":"test","status":"void","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-inv-paid","note":null,"originating_counterparty_id":"01a241a8-747c-7e36-945e-79d3406919a2","receiving_counterparty_id":"01a241a8-7871-7f72-b83c-68249493cc14","created_at":"2026-12-04T15:24:51Z","updated_at":"2026-12-04T15:24:52Z","paid_at":null,"voided_at":"2026-12-04T15:24:52Z"}','2026-12-04 15:24:52.4385528+00:00','2026-12-04 15:24:52.461');
INSERT INTO events VALUES('01A241A8-8521-7DBF-94F1-8C41D7A9FBB0','test','invoice.created','{"object":"invoice","id":"01a241a8-8521-7dbf-94f1-8c41d7a9fbad","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-B-1","note":null,"originating_counterparty_id":"01a241a8-7871-7f72-b83c-68249493cc14","receiving_counterparty_id":"01a241a8-747c-7e36-945e-79d3406919a2","created_at":"2026-12-04T15:24:52Z","updated_at":"2026-12-04T15:24:52Z","paid_at":null,"voided_at":null}','2026-12-04 15:24:52.8975961+00:00','2026-12-04 15:24:53.046');
INSERT INTO events VALUES('01A241A8-8521-7DBF-94F1-8C41D7A9FBB1','test','invoice.created','{"object":"invoice","id":"01a241a8-8521-7dbf-94f1-8c41d7a9fbae","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-B-2","note":null,"originating_counterparty_id":"01a241a8-7871-7f72-b83c-68249493cc14","receiving_counterparty_id":"01a241a8-747c-7e36-945e-79d3406919a2","created_at":"2026-12-04T15:24:52Z","updated_at":"2026-12-04T15:24:52Z","paid_at":null,"voided_at":null}','2026-12-04 15:24:52.8975961+00:00','2026-12-04 15:24:53.046');
INSERT INTO events VALUES('01A241A8-8521-7DBF-94F1-8C41D7A9FBB2','test','invoice.created','{"object":"invoice","id":"01a241a8-8521-7dbf-94f1-8c41d7a9fbaf","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-B-3","note":null,"originating_counterparty_id":"01a241a8-7871-7f72-b83c-68249493cc14","receiving_counterparty_id":"01a241a8-747c-7e36-945e-79d3406919a2","created_at":"2026-12-04T15:24:52Z","updated_at":"2026-12-04T15:24:52Z","paid_at":null,"voided_at":null}','2026-12-04 15:24:52.8975961+00:00','2026-12-04 15:24:53.046');
INSERT INTO events VALUES('01A241A8-87F1-7B59-8109-B8F732F0DC33','live','counterparty.created','{"object":"counterparty","id":"01a241a8-87f1-7979-90d1-4c2724d6d7f7","environment":"live","name":"Ärzte & Söhne GmbH","email":"billing@aerzte.test","created_at":"2026-12-04T15:24:53Z"}','2026-12-04 15:24:53.6176073+00:00','2026-12-04 15:24:53.927');
INSERT INTO events VALUES('01A241A8-88F4-7FB4-B116-9DADEB39D1A4','live','counterparty.created','{"object":"counterparty","id":"01a241a8-88f4-7ea3-8e8e-490c1f386c04","environment":"live","name":"Müller \uD83D\uDE80 Tires","email":null,"created_at":"2026-12-04T15:24:53Z"}','2026-12-04 15:24:53.8764762+00:00','2026-12-04 15:24:53.927');
INSERT INTO events VALUES('01A241A8-8A0A-7FB5-8326-E1630009CF88','live','invoice.created','{"object":"invoice","id":"01a241a8-8a0a-7fb5-8326-e1630009cf87","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-INV-OPEN","note":"Zahlbar in 30 Tagen — danke!","originating_counterparty_id":"01a241a8-87f1-7979-90d1-4c2724d6d7f7","receiving_counterparty_id":"01a241a8-88f4-7ea3-8e8e-490c1f386c04","created_at":"2026-12-04T15:24:54Z","updated_at":"2026-12-04T15:24:54Z","paid_at":null,"voided_at":null}','2026-12-04 15:24:54.1540013+00:00','2026-12-04 15:24:54.166');
INSERT INTO events VALUES('01A241A8-8B20-74EB-9AB2-F798D18374C9','live','invoice.created','{"object":"invoice","id":"01a241a8-8b20-74eb-9ab2-f798d18374c8","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-INV-PAID","note":null,"originating_counterparty_id":"01a241a8-87f1-7979-90d1-4c2724d6d7f7","receiving_counterparty_id":"01a241a8-88f4-7ea3-8e8e-490c1f386c04","created_at":"2026-12-04T15:24:54Z","updated_at":"2026-12-04T15:24:54Z","paid_at":null,"voided_at":null}','2026-12-04 15:24:54.4324553+00:00','2026-12-04 15:24:54.556');
INSERT INTO events VALUES('01A241A8-8C53-7FD8-9E34-996BC535E4F4','live','invoice.created','{"object":"invoice","id":"01a241a8-8c53-7fd8-9e34-996bc535e4f3","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-inv-paid","note":null,"originating_counterparty_id":"01a241a8-87f1-7979-90d1-4c2724d6d7f7","receiving_counterparty_id":"01a241a8-88f4-7ea3-8e8e-490c1f386c04","created_at":"2026-12-04T15:24:54Z","updated_at":"2026-12-04T15:24:54Z","paid_at":null,"voided_at":null}','2026-12-04 15:24:54.7397491+00:00','2026-12-04 15:24:54.786');
INSERT INTO events VALUES('01A241A8-8CD8-7D5D-873E-C4B8F1156594','live','invoice.paid','{"object":"invoice","id":"01a241a8-8b20-74eb-9ab2-f798d18374c8","environment":"live","status":"paid","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-INV-PAID","note":null,"originating_counterparty_id":"01a241a8-87f1-7979-90d1-4c2724d6d7f7","receiving_counterparty_id":"01a241a8-88f4-7ea3-8e8e-490c1f386c04","created_at":"2026-12-04T15:24:54Z","updated_at":"2026-12-04T15:24:54Z","paid_at":"2026-12-04T15:24:54Z","voided_at":null}','2026-12-04 15:24:54.8725085+00:00','2026-12-04 15:24:55.008');
INSERT INTO events VALUES('01A241A8-8DE6-7D72-BA40-D424C4F5FB26','live','invoice.voided','{"object":"invoice","id":"01a241a8-8c53-7fd8-9e34-996bc535e4f3","environment":"live","status":"void","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-inv-paid","note":null,"originating_counterparty_id":"01a241a8-87f1-7979-90d1-4c2724d6d7f7","receiving_counterparty_id":"01a241a8-88f4-7ea3-8e8e-490c1f386c04","created_at":"2026-12-04T15:24:54Z","updated_at":"2026-12-04T15:24:55Z","paid_at":null,"voided_at":"2026-12-04T15:24:55Z"}','2026-12-04 15:24:55.1428243+00:00','2026-12-04 15:24:55.258');
INSERT INTO events VALUES('01A241A8-8FDE-7EE5-9FE6-CAE0A443218F','live','invoice.created','{"object":"invoice","id":"01a241a8-8fde-7ee5-9fe6-cae0a443218c","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-B-1","note":null,"originating_counterparty_id":"01a241a8-88f4-7ea3-8e8e-490c1f386c04","receiving_counterparty_id":"01a241a8-87f1-7979-90d1-4c2724d6d7f7","created_at":"2026-12-04T15:24:55Z","updated_at":"2026-12-04T15:24:55Z","paid_at":null,"voided_at":null}','2026-12-04 15:24:55.6467436+00:00','2026-12-04 15:24:55.726');
INSERT INTO events VALUES('01A241A8-8FDE-7EE5-9FE6-CAE0A4432190','live','invoice.created','{"object":"invoice","id":"01a241a8-8fde-7ee5-9fe6-cae0a443218d","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-B-2","note":null,"originating_counterparty_id":"01a241a8-88f4-7ea3-8e8e-490c1f386c04","receiving_counterparty_id":"01a241a8-87f1-7979-90d1-4c2724d6d7f7","created_at":"2026-12-04T15:24:55Z","updated_at":"2026-12-04T15:24:55Z","paid_at":null,"voided_at":null}','2026-12-04 15:24:55.6467436+00:00','2026-12-04 15:24:55.726');
INSERT INTO events VALUES('01A241A8-8FDE-7EE5-9FE6-CAE0A4432191','live','invoice.created','{"object":"invoice","id":"01a241a8-8fde-7ee5-9fe6-cae0a443218e","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-B-3","note":null,"originating_counterparty_id":"01a241a8-88f4-7ea3-8e8e-490c1f386c04","receiving_counterparty_id":"01a241a8-87f1-7979-90d1-4c2724d6d7f7","created_at":"2026-12-04T15:24:55Z","updated_at":"2026-12-04T15:24:55Z","paid_at":null,"voided_at":null}','2026-12-04 15:24:55.6467436+00:00','2026-12-04 15:24:55.726');
INSERT INTO events VALUES('01A241A8-E65F-7DEF-A8F7-0C1A6EF5E0CD','test','invoice.created','{"object":"invoice","id":"01a241a8-e65f-7def-a8f7-0c1a6ef5e0cc","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-LATE","note":null,"originating_counterparty_id":"01a241a8-7871-7f72-b83c-68249493cc14","receiving_counterparty_id":"01a241a8-747c-7e36-945e-79d3406919a2","created_at":"2026-12-04T15:25:17Z","updated_at":"2026-12-04T15:25:17Z","paid_at":null,"voided_at":null}','2026-12-04 15:25:17.791347+00:00','2026-12-04 15:25:17.936');
INSERT INTO events VALUES('01A241A8-EADF-754C-AFFB-B89D0164D9C1','test','invoice.paid','{"object":"invoice","id":"01a241a8-e65f-7def-a8f7-0c1a6ef5e0cc","environment":"test","status":"paid","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-LATE","note":null,"originating_counterparty_id":"01a241a8-7871-7f72-b83c-68249493cc14","receiving_counterparty_id":"01a241a8-747c-7e36-945e-79d3406919a2","created_at":"2026-12-04T15:25:17Z","updated_at":"2026-12-04T15:25:18Z","paid_at":"2026-12-04T15:25:18Z","voided_at":null}','2026-12-04 15:25:18.9433826+00:00','2026-12-04 15:25:17.902');
INSERT INTO events VALUES('01A241A9-5C04-7A72-9F70-2D2BCAFFA730','test','counterparty.created','{"object":"counterparty","id":"01a241a9-5c04-7a72-9f70-2d2bcaffa72f","environment":"test","name":"Undispatched","email":null,"created_at":"2026-12-04T15:25:47Z"}','2026-12-04 15:25:47.9083336+00:00','2026-12-04 15:25:47.995');
CREATE TABLE IF NOT EXISTS "webhook_endpoints" (
    "id" TEXT NOT NULL CONSTRAINT "PK_webhook_endpoints" PRIMARY KEY,
    "environment" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "enabled_events" TEXT NOT NULL,
    "protected_secret" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);
INSERT INTO webhook_endpoints VALUES('01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','test','http://127.0.0.1:54421/ok','*','v1.OSUlgls07ad7HPrsbeAVJLWeTidnRrvlapEsxQcDSOnENreekOmCMG6hZFGIqoyP7dDP6ToPHXvwJYOPQ80i0jiU','2026-12-04 15:24:47.2217503+00:00');
INSERT INTO webhook_endpoints VALUES('01A241A8-703C-7B9D-A909-732D58F8193A','test','http://127.0.0.1:54421/fail','invoice.paid invoice.voided','v1.DkC0v31lVH2nYsU59ya/Hnbj4CpWLT+0QPFnxneypC+D+wcmy/SFyYcHXZjK6G1fGmsCi8tgjBLgoqLLwU1pL3TO','2026-12-04 15:24:47.5486588+00:00');
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
INSERT INTO webhook_deliveries VALUES('01A241A8-747C-78C8-BE84-52A994A4CC81','01A241A8-747C-7E36-945E-79D3406919A3','01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','delivered',1,'2026-12-04 15:24:50.4568254','2026-12-04 15:24:48.636421','2026-12-04 15:24:50.4568254');
INSERT INTO webhook_deliveries VALUES('01A241A8-7871-7A32-87EA-011378A0DC6F','01A241A8-7871-7F72-B83C-68249493CC15','01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','delivered',1,'2026-12-04 15:24:51.5788751','2026-12-04 15:24:49.6495915','2026-12-04 15:24:51.5788751');
INSERT INTO webhook_deliveries VALUES('01A241A8-7BF2-78EB-91A7-F8D1D006A6B0','01A241A8-7BF2-7A0E-AC56-53DD915B4B3F','01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','delivered',1,'2026-12-04 15:24:51.6320433','2026-12-04 15:24:50.5469062','2026-12-04 15:24:51.6320433');
INSERT INTO webhook_deliveries VALUES('01A241A8-7F2F-7E27-B8BE-9FA08EBF4F61','01A241A8-7F2F-7F80-967F-4C903FB69FD9','01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','delivered',1,'2026-12-04 15:24:51.7219021','2026-12-04 15:24:51.3757223','2026-12-04 15:24:51.7219021');
INSERT INTO webhook_deliveries VALUES('01A241A8-80E9-7AAD-870D-4E79FBD59355','01A241A8-80E9-7F9F-BC11-977E409B75C4','01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','delivered',1,'2026-12-04 15:24:52.0865446','2026-12-04 15:24:51.8179141','2026-12-04 15:24:52.0865446');
INSERT INTO webhook_deliveries VALUES('01A241A8-81E0-7057-924A-AB2341220399','01A241A8-81E0-702A-9DDC-624ADFDDFC07','01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','delivered',1,'2026-12-04 15:24:52.7307292','2026-12-04 15:24:52.0644141','2026-12-04 15:24:52.7307292');
INSERT INTO webhook_deliveries VALUES('01A241A8-81E0-7DD2-AB55-245FF818251E','01A241A8-81E0-702A-9DDC-624ADFDDFC07','01A241A8-703C-7B9D-A909-732D58F8193A','failed',3,'2026-12-04 15:24:55.5206844','2026-12-04 15:24:52.0644141','2026-12-04 15:24:55.5206844');
INSERT INTO webhook_deliveries VALUES('01A241A8-8356-782A-B414-D420FFF979F3','01A241A8-8356-7EA9-ACFE-2AC032AB12B8','01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','delivered',1,'2026-12-04 15:24:52.7630025','2026-12-04 15:24:52.4385528','2026-12-04 15:24:52.7630025');
INSERT INTO webhook_deliveries VALUES('01A241A8-8356-7C7F-85E0-CCC85E54FCCE','01A241A8-8356-7EA9-ACFE-2AC032AB12B8','01A241A8-703C-7B9D-A909-732D58F8193A','failed',3,'2026-12-04 15:24:55.7506256','2026-12-04 15:24:52.4385528','2026-12-04 15:24:55.7506256');
INSERT INTO webhook_deliveries VALUES('01A241A8-8521-7448-A02A-B944EBDE08DF','01A241A8-8521-7DBF-94F1-8C41D7A9FBB1','01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','delivered',1,'2026-12-04 15:24:53.2111909','2026-12-04 15:24:52.8975961','2026-12-04 15:24:53.2111909');
INSERT INTO webhook_deliveries VALUES('01A241A8-8521-7BBA-94D1-8B3FEB1E9C53','01A241A8-8521-7DBF-94F1-8C41D7A9FBB0','01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','delivered',1,'2026-12-04 15:24:53.2626301','2026-12-04 15:24:52.8975961','2026-12-04 15:24:53.2626301');
INSERT INTO webhook_deliveries VALUES('01A241A8-8521-7EC8-A0BA-46BD6AB8E361','01A241A8-8521-7DBF-94F1-8C41D7A9FBB2','01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','delivered',1,'2026-12-04 15:24:53.3031022','2026-12-04 15:24:52.8975961','2026-12-04 15:24:53.3031022');
INSERT INTO webhook_deliveries VALUES('01A241A8-E65F-7A7F-9BBA-4DF71FED6A0D','01A241A8-E65F-7DEF-A8F7-0C1A6EF5E0CD','01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','delivered',1,'2026-12-04 15:25:18.9677037','2026-12-04 15:25:17.791347','2026-12-04 15:25:18.9677037');
INSERT INTO webhook_deliveries VALUES('01A241A8-EADF-7672-BE1D-7BE664FBA245','01A241A8-EADF-754C-AFFB-B89D0164D9C1','01A241A8-703C-7B9D-A909-732D58F8193A','failed',5,'2026-12-04 15:25:30.6617008','2026-12-04 15:25:18.9433826','2026-12-04 15:25:30.6617008');
INSERT INTO webhook_deliveries VALUES('01A241A8-EADF-7F65-975A-79691E739644','01A241A8-EADF-754C-AFFB-B89D0164D9C1','01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','delivered',1,'2026-12-04 15:25:19.8619894','2026-12-04 15:25:18.9433826','2026-12-04 15:25:19.8619894');
INSERT INTO webhook_deliveries VALUES('01A241A9-5C04-7FCA-8734-0C2AAC010E78','01A241A9-5C04-7A72-9F70-2D2BCAFFA730','01A241A8-6EF5-7E83-8C52-2E0D7C14DE19','pending',0,'2026-12-04 15:30:48.482','2026-12-04 15:25:47.9083336',NULL);
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
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-79FF-7FAB-828F-3F5026E385E5','01A241A8-747C-78C8-BE84-52A994A4CC81','2026-12-04 15:24:50.0470415',200,393,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-7FD5-7744-BBA0-0B850B05665B','01A241A8-7871-7A32-87EA-011378A0DC6F','2026-12-04 15:24:51.5413794',200,37,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-7FE0-7867-81C3-592FA829131D','01A241A8-7BF2-78EB-91A7-F8D1D006A6B0','2026-12-04 15:24:51.5520578',200,24,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-7FE0-77C3-B144-DB571432EB88','01A241A8-7F2F-7E27-B8BE-9FA08EBF4F61','2026-12-04 15:24:51.5526522',200,14,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-81E0-7895-AA81-83DA4D45D0EE','01A241A8-80E9-7AAD-870D-4E79FBD59355','2026-12-04 15:24:52.0644345',200,22,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-8468-7A3B-9E74-D3A706288DD6','01A241A8-81E0-7057-924A-AB2341220399','2026-12-04 15:24:52.7125904',200,18,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-8470-7C49-929F-41314E9215AB','01A241A8-81E0-7DD2-AB55-245FF818251E','2026-12-04 15:24:52.7205017',500,10,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-8470-798E-8787-658807436979','01A241A8-8356-782A-B414-D420FFF979F3','2026-12-04 15:24:52.7209443',200,9,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-8471-7B26-B76C-50AE64835E85','01A241A8-8356-7C7F-85E0-CCC85E54FCCE','2026-12-04 15:24:52.7210363',500,9,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-8630-7F34-B924-90BC84C9C877','01A241A8-8521-7448-A02A-B944EBDE08DF','2026-12-04 15:24:53.1684668',200,42,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-8655-7F45-B9E7-C7DB8528168A','01A241A8-8521-7BBA-94D1-8B3FEB1E9C53','2026-12-04 15:24:53.2050162',200,5,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-8655-775F-9250-C8FA7476BBB3','01A241A8-8521-7EC8-A0BA-46BD6AB8E361','2026-12-04 15:24:53.205711',200,4,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-878C-7654-8EEB-BA173EAB0156','01A241A8-81E0-7DD2-AB55-245FF818251E','2026-12-04 15:24:53.5168389',500,9,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-8934-7801-99FB-E07ACEF71FE1','01A241A8-8356-7C7F-85E0-CCC85E54FCCE','2026-12-04 15:24:53.9403094',500,3,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-8F53-7B77-9B25-3265CB9CE5CB','01A241A8-81E0-7DD2-AB55-245FF818251E','2026-12-04 15:24:55.5079715',500,12,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-9035-77EC-B92B-868C5A937C90','01A241A8-8356-7C7F-85E0-CCC85E54FCCE','2026-12-04 15:24:55.7337028',500,16,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-EABD-7308-8AE3-9EC39C805615','01A241A8-E65F-7A7F-9BBA-4DF71FED6A0D','2026-12-04 15:25:18.9092384',200,58,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-ED61-78FB-AEE3-AB0F7562DC78','01A241A8-EADF-7672-BE1D-7BE664FBA245','2026-12-04 15:25:19.5854799',500,123,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-ED80-78FC-A094-37F3D17E06D7','01A241A8-EADF-7F65-975A-79691E739644','2026-12-04 15:25:19.6162215',200,89,'ok',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-F0C2-7154-BCB6-3BDCE92C7BB1','01A241A8-EADF-7672-BE1D-7BE664FBA245','2026-12-04 15:25:20.4508674',500,5,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A8-F6D1-7A66-837F-D09AFF1D223F','01A241A8-EADF-7672-BE1D-7BE664FBA245','2026-12-04 15:25:22.0010307',500,69,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A9-03A6-7077-AB9A-BF8D3F3EB0CB','01A241A8-EADF-7672-BE1D-7BE664FBA245','2026-12-04 15:25:25.2867713',500,25,'no',NULL);
INSERT INTO webhook_delivery_attempts VALUES('01A241A9-188C-77AD-804C-C2AF87B6B214','01A241A8-EADF-7672-BE1D-7BE664FBA245','2026-12-04 15:25:30.6361105',500,25,'no',NULL);
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
