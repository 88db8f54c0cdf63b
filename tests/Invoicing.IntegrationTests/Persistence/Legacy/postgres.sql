--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: __EFMigrationsHistory; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);


--
-- Name: api_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_keys (
    id uuid NOT NULL,
    environment character varying(4) NOT NULL,
    name character varying(100),
    prefix character varying(16) NOT NULL,
    hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);


--
-- Name: counterparties; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.counterparties (
    id uuid NOT NULL,
    environment character varying(4) NOT NULL,
    name character varying(200) NOT NULL,
    email character varying(254),
    created_at timestamp with time zone NOT NULL
);


--
-- Name: events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events (
    id uuid NOT NULL,
    environment character varying(4) NOT NULL,
    type character varying(64) NOT NULL,
    data text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    dispatched_at timestamp with time zone
);


--
-- Name: idempotency_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_keys (
    id uuid NOT NULL,
    environment character varying(4) NOT NULL,
    key character varying(255) NOT NULL,
    request_method character varying(16) NOT NULL,
    request_path character varying(2048) NOT NULL,
    request_hash character varying(64) NOT NULL,
    lock_token uuid,
    locked_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    response_status integer,
    response_content_type character varying(255),
    response_location character varying(2048),
    response_body bytea
);


--
-- Name: invoices; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.invoices (
    id uuid NOT NULL,
    environment character varying(4) NOT NULL,
    status character varying(8) NOT NULL,
    amount_cents bigint NOT NULL,
    discount_amount_cents bigint NOT NULL,
    currency character varying(3) NOT NULL,
    invoice_date date NOT NULL,
    invoice_due_date date NOT NULL,
    invoice_number character varying(64) NOT NULL,
    note character varying(1000),
    originating_counterparty_id uuid NOT NULL,
    receiving_counterparty_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    paid_at timestamp with time zone,
    voided_at timestamp with time zone
);


--
-- Name: webhook_deliveries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_deliveries (
    id uuid NOT NULL,
    event_id uuid NOT NULL,
    webhook_endpoint_id uuid NOT NULL,
    status character varying(9) NOT NULL,
    attempt_count integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone
);


--
-- Name: webhook_delivery_attempts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_delivery_attempts (
    id uuid NOT NULL,
    webhook_delivery_id uuid NOT NULL,
    attempted_at timestamp with time zone NOT NULL,
    response_status integer,
    duration_ms integer NOT NULL,
    response_body character varying(1000),
    error character varying(200)
);


--
-- Name: webhook_endpoints; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_endpoints (
    id uuid NOT NULL,
    environment character varying(4) NOT NULL,
    url character varying(2048) NOT NULL,
    enabled_events character varying(1000) NOT NULL,
    protected_secret character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Data for Name: __EFMigrationsHistory; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261122070000_Initial', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261122080000_InvoiceLifecycle', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261122090000_IdempotencyKeys', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261122100000_EventsAndWebhooks', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261122110000_EventFanOut', '10.0.15');


--
-- Data for Name: api_keys; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.api_keys (id, environment, name, prefix, hash, created_at, revoked_at) VALUES ('01a241c1-5e11-770f-a33f-36f449fa17e3', 'test', 'legacy-test', 'sk_test_LegacyFi', 'a6d86994473e61e148f93ddd1d9202ae0286feec67e551353271888e37b1b0f0', '2026-12-04 15:52:01.297485+00', NULL);
INSERT INTO public.api_keys (id, environment, name, prefix, hash, created_at, revoked_at) VALUES ('01a241c1-7beb-780b-944f-9c57706be1d0', 'live', 'legacy-live', 'sk_live_LegacyFi', 'a32e7720c50228348c2bf29308f1e34c6e2d33917c9f1c2a533b44bd4a9a5299', '2026-12-04 15:52:08.939609+00', NULL);
INSERT INTO public.api_keys (id, environment, name, prefix, hash, created_at, revoked_at) VALUES ('01a241c2-3421-70f3-b925-2d33937452b6', 'test', 'revoked', 'sk_test_ElEMrJAL', 'ab0398af578a91b2ec5590538a5eceb4d3aec626b412737b08d2dea6cbf77190', '2026-12-04 15:52:56.097004+00', '2026-12-04 15:52:59.846621+00');


--
-- Data for Name: counterparties; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.counterparties (id, environment, name, email, created_at) VALUES ('01a241c1-8120-7626-a0f6-070b8b992003', 'test', 'Ärzte & Söhne GmbH', 'billing@aerzte.test', '2026-12-04 15:52:10.272139+00');
INSERT INTO public.counterparties (id, environment, name, email, created_at) VALUES ('01a241c1-8283-771b-aeca-951741055d82', 'test', 'Müller 🚀 Tires', NULL, '2026-12-04 15:52:10.627798+00');
INSERT INTO public.counterparties (id, environment, name, email, created_at) VALUES ('01a241c1-956b-78ce-8dbc-84d6a656b840', 'live', 'Ärzte & Söhne GmbH', 'billing@aerzte.test', '2026-12-04 15:52:15.467818+00');
INSERT INTO public.counterparties (id, environment, name, email, created_at) VALUES ('01a241c1-97a9-726e-be9f-416e39744681', 'live', 'Müller 🚀 Tires', NULL, '2026-12-04 15:52:16.041494+00');
INSERT INTO public.counterparties (id, environment, name, email, created_at) VALUES ('01a241c2-5dbe-73e6-bbdb-66a61a06b5f3', 'test', 'Undispatched', NULL, '2026-12-04 15:53:06.75023+00');


--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-8120-7dd8-b5ce-733f4431c053', 'test', 'counterparty.created', '{"object":"counterparty","id":"01a241c1-8120-7626-a0f6-070b8b992003","environment":"test","name":"Ärzte & Söhne GmbH","email":"billing@aerzte.test","created_at":"2026-12-04T15:52:10Z"}', '2026-12-04 15:52:10.272139+00', '2026-12-04 15:52:10.532+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-8283-771b-aeca-951741055d83', 'test', 'counterparty.created', '{"object":"counterparty","id":"01a241c1-8283-771b-aeca-951741055d82","environment":"test","name":"Müller \uD83D\uDE80 Tires","email":null,"created_at":"2026-12-04T15:52:10Z"}', '2026-12-04 15:52:10.627798+00', '2026-12-04 15:52:12.372+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-8634-751d-bdc8-49669de3482b', 'test', 'invoice.created', '{"object":"invoice","id":"01a241c1-8634-7189-bf90-27873ec4439a","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-OPEN","note":"Zahlbar in 30 Tagen — danke!","originating_counterparty_id":"01a241c1-8120-7626-a0f6-070b8b992003","receiving_counterparty_id":"01a241c1-8283-771b-aeca-951741055d82","created_at":"2026-12-04T15:52:11Z","updated_at":"2026-12-04T15:52:11Z","paid_at":null,"voided_at":null}', '2026-12-04 15:52:11.572809+00', '2026-12-04 15:52:12.372+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-888b-7747-b439-37e8b7efe041', 'test', 'invoice.created', '{"object":"invoice","id":"01a241c1-888b-7747-b439-37e8b7efe040","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-PAID","note":null,"originating_counterparty_id":"01a241c1-8120-7626-a0f6-070b8b992003","receiving_counterparty_id":"01a241c1-8283-771b-aeca-951741055d82","created_at":"2026-12-04T15:52:12Z","updated_at":"2026-12-04T15:52:12Z","paid_at":null,"voided_at":null}', '2026-12-04 15:52:12.17127+00', '2026-12-04 15:52:12.372+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-89c3-7693-9cfc-bc058298370e', 'test', 'invoice.created', '{"object":"invoice","id":"01a241c1-89c3-7693-9cfc-bc058298370d","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-inv-paid","note":null,"originating_counterparty_id":"01a241c1-8120-7626-a0f6-070b8b992003","receiving_counterparty_id":"01a241c1-8283-771b-aeca-951741055d82","created_at":"2026-12-04T15:52:12Z","updated_at":"2026-12-04T15:52:12Z","paid_at":null,"voided_at":null}', '2026-12-04 15:52:12.483376+00', '2026-12-04 15:52:12.866+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-8b01-796f-a395-2a99428f959e', 'test', 'invoice.paid', '{"object":"invoice","id":"01a241c1-888b-7747-b439-37e8b7efe040","environment":"test","status":"paid","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-PAID","note":null,"originating_counterparty_id":"01a241c1-8120-7626-a0f6-070b8b992003","receiving_counterparty_id":"01a241c1-8283-771b-aeca-951741055d82","created_at":"2026-12-04T15:52:12Z","updated_at":"2026-12-04T15:52:12Z","paid_at":"2026-12-04T15:52:12Z","voided_at":null}', '2026-12-04 15:52:12.801027+00', '2026-12-04 15:52:13.258+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-8e9d-75cb-9dc2-26e66654d84f', 'test', 'invoice.voided', '{"object":"invoice","id":"01a241c1-89c3-7693-9cfc-bc058298370d","environment":"test","status":"void","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-inv-paid","note":null,"originating_counterparty_id":"01a241c1-8120-7626-a0f6-070b8b992003","receiving_counterparty_id":"01a241c1-8283-771b-aeca-951741055d82","created_at":"2026-12-04T15:52:12Z","updated_at":"2026-12-04T15:52:13Z","paid_at":null,"voided_at":"2026-12-04T15:52:13Z"}', '2026-12-04 15:52:13.725039+00', '2026-12-04 15:52:14.053+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-92d1-7c69-a47a-05bd81fe4aa6', 'test', 'invoice.created', '{"object":"invoice","id":"01a241c1-92d1-73dc-80de-98ca3575edcf","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-B-1","note":null,"originating_counterparty_id":"01a241c1-8283-771b-aeca-951741055d82","receiving_counterparty_id":"01a241c1-8120-7626-a0f6-070b8b992003","created_at":"2026-12-04T15:52:14Z","updated_at":"2026-12-04T15:52:14Z","paid_at":null,"voided_at":null}', '2026-12-04 15:52:14.801637+00', '2026-12-04 15:52:14.962+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-92d1-7c69-a47a-05bd81fe4aa7', 'test', 'invoice.created', '{"object":"invoice","id":"01a241c1-92d1-7c69-a47a-05bd81fe4aa4","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-B-2","note":null,"originating_counterparty_id":"01a241c1-8283-771b-aeca-951741055d82","receiving_counterparty_id":"01a241c1-8120-7626-a0f6-070b8b992003","created_at":"2026-12-04T15:52:14Z","updated_at":"2026-12-04T15:52:14Z","paid_at":null,"voided_at":null}', '2026-12-04 15:52:14.801637+00', '2026-12-04 15:52:14.962+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-92d1-7c69-a47a-05bd81fe4aa8', 'test', 'invoice.created', '{"object":"invoice","id":"01a241c1-92d1-7c69-a47a-05bd81fe4aa5","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-B-3","note":null,"originating_counterparty_id":"01a241c1-8283-771b-aeca-951741055d82","receiving_counterparty_id":"01a241c1-8120-7626-a0f6-070b8b992003","created_at":"2026-12-04T15:52:14Z","updated_at":"2026-12-04T15:52:14Z","paid_at":null,"voided_at":null}', '2026-12-04 15:52:14.801637+00', '2026-12-04 15:52:14.962+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-956b-78ce-8dbc-84d6a656b841', 'live', 'counterparty.created', '{"object":"counterparty","id":"01a241c1-956b-78ce-8dbc-84d6a656b840","environment":"live","name":"Ärzte & Söhne GmbH","email":"billing@aerzte.test","created_at":"2026-12-04T15:52:15Z"}', '2026-12-04 15:52:15.467818+00', '2026-12-04 15:52:15.675+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-97a9-7819-a22b-8bf7fa6c2b49', 'live', 'counterparty.created', '{"object":"counterparty","id":"01a241c1-97a9-726e-be9f-416e39744681","environment":"live","name":"Müller \uD83D\uDE80 Tires","email":null,"created_at":"2026-12-04T15:52:16Z"}', '2026-12-04 15:52:16.041494+00', '2026-12-04 15:52:16.205+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-9b66-7bf7-bfc6-3db1f89d2ecd', 'live', 'invoice.created', '{"object":"invoice","id":"01a241c1-9b66-7ab6-b7f9-306f01a2c379","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-INV-OPEN","note":"Zahlbar in 30 Tagen — danke!","originating_counterparty_id":"01a241c1-956b-78ce-8dbc-84d6a656b840","receiving_counterparty_id":"01a241c1-97a9-726e-be9f-416e39744681","created_at":"2026-12-04T15:52:16Z","updated_at":"2026-12-04T15:52:16Z","paid_at":null,"voided_at":null}', '2026-12-04 15:52:16.998964+00', '2026-12-04 15:52:17.345+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-9f8e-7c85-8a39-97ca12e1def4', 'live', 'invoice.created', '{"object":"invoice","id":"01a241c1-9f8e-7c85-8a39-97ca12e1def3","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-INV-PAID","note":null,"originating_counterparty_id":"01a241c1-956b-78ce-8dbc-84d6a656b840","receiving_counterparty_id":"01a241c1-97a9-726e-be9f-416e39744681","created_at":"2026-12-04T15:52:18Z","updated_at":"2026-12-04T15:52:18Z","paid_at":null,"voided_at":null}', '2026-12-04 15:52:18.062916+00', '2026-12-04 15:52:18.29+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-a0a4-73ee-9580-4c857efab497', 'live', 'invoice.created', '{"object":"invoice","id":"01a241c1-a0a4-73ee-9580-4c857efab496","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-inv-paid","note":null,"originating_counterparty_id":"01a241c1-956b-78ce-8dbc-84d6a656b840","receiving_counterparty_id":"01a241c1-97a9-726e-be9f-416e39744681","created_at":"2026-12-04T15:52:18Z","updated_at":"2026-12-04T15:52:18Z","paid_at":null,"voided_at":null}', '2026-12-04 15:52:18.34054+00', '2026-12-04 15:52:18.524+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-a19f-79f5-96bb-423f6dc7374a', 'live', 'invoice.paid', '{"object":"invoice","id":"01a241c1-9f8e-7c85-8a39-97ca12e1def3","environment":"live","status":"paid","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-INV-PAID","note":null,"originating_counterparty_id":"01a241c1-956b-78ce-8dbc-84d6a656b840","receiving_counterparty_id":"01a241c1-97a9-726e-be9f-416e39744681","created_at":"2026-12-04T15:52:18Z","updated_at":"2026-12-04T15:52:18Z","paid_at":"2026-12-04T15:52:18Z","voided_at":null}', '2026-12-04 15:52:18.59118+00', '2026-12-04 15:52:18.783+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-a294-7ae9-9651-76f91d03308c', 'live', 'invoice.voided', '{"object":"invoice","id":"01a241c1-a0a4-73ee-9580-4c857efab496","environment":"live","status":"void","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-inv-paid","note":null,"originating_counterparty_id":"01a241c1-956b-78ce-8dbc-84d6a656b840","receiving_counterparty_id":"01a241c1-97a9-726e-be9f-416e39744681","created_at":"2026-12-04T15:52:18Z","updated_at":"2026-12-04T15:52:18Z","paid_at":null,"voided_at":"2026-12-04T15:52:18Z"}', '2026-12-04 15:52:18.836649+00', '2026-12-04 15:52:19.022+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-a523-7d86-8735-1dcc52962c66', 'live', 'invoice.created', '{"object":"invoice","id":"01a241c1-a523-7d86-8735-1dcc52962c63","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-B-1","note":null,"originating_counterparty_id":"01a241c1-97a9-726e-be9f-416e39744681","receiving_counterparty_id":"01a241c1-956b-78ce-8dbc-84d6a656b840","created_at":"2026-12-04T15:52:19Z","updated_at":"2026-12-04T15:52:19Z","paid_at":null,"voided_at":null}', '2026-12-04 15:52:19.491471+00', '2026-12-04 15:52:19.702+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-a523-7d86-8735-1dcc52962c67', 'live', 'invoice.created', '{"object":"invoice","id":"01a241c1-a523-7d86-8735-1dcc52962c64","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-B-2","note":null,"originating_counterparty_id":"01a241c1-97a9-726e-be9f-416e39744681","receiving_counterparty_id":"01a241c1-956b-78ce-8dbc-84d6a656b840","created_at":"2026-12-04T15:52:19Z","updated_at":"2026-12-04T15:52:19Z","paid_at":null,"voided_at":null}', '2026-12-04 15:52:19.491471+00', '2026-12-04 15:52:19.702+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c1-a523-7d86-8735-1dcc52962c68', 'live', 'invoice.created', '{"object":"invoice","id":"01a241c1-a523-7d86-8735-1dcc52962c65","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-B-3","note":null,"originating_counterparty_id":"01a241c1-97a9-726e-be9f-416e39744681","receiving_counterparty_id":"01a241c1-956b-78ce-8dbc-84d6a656b840","created_at":"2026-12-04T15:52:19Z","updated_at":"2026-12-04T15:52:19Z","paid_at":null,"voided_at":null}', '2026-12-04 15:52:19.491471+00', '2026-12-04 15:52:19.702+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c2-0592-7eb4-bc71-6b94484b1831', 'test', 'invoice.created', '{"object":"invoice","id":"01a241c2-0592-7eb4-bc71-6b94484b1830","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-LATE","note":null,"originating_counterparty_id":"01a241c1-8283-771b-aeca-951741055d82","receiving_counterparty_id":"01a241c1-8120-7626-a0f6-070b8b992003","created_at":"2026-12-04T15:52:44Z","updated_at":"2026-12-04T15:52:44Z","paid_at":null,"voided_at":null}', '2026-12-04 15:52:44.17834+00', '2026-12-04 15:52:45.177+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c2-0a30-7cbc-ab97-ebde6f6b4dfd', 'test', 'invoice.paid', '{"object":"invoice","id":"01a241c2-0592-7eb4-bc71-6b94484b1830","environment":"test","status":"paid","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-LATE","note":null,"originating_counterparty_id":"01a241c1-8283-771b-aeca-951741055d82","receiving_counterparty_id":"01a241c1-8120-7626-a0f6-070b8b992003","created_at":"2026-12-04T15:52:44Z","updated_at":"2026-12-04T15:52:45Z","paid_at":"2026-12-04T15:52:45Z","voided_at":null}', '2026-12-04 15:52:45.360269+00', '2026-12-04 15:52:47.09+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241c2-5dbe-7f67-9e73-377fd01969b6', 'test', 'counterparty.created', '{"object":"counterparty","id":"01a241c2-5dbe-73e6-bbdb-66a61a06b5f3","environment":"test","name":"Undispatched","email":null,"created_at":"2026-12-04T15:53:06Z"}', '2026-12-04 15:53:06.75023+00', NULL);


--
-- Data for Name: idempotency_keys; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.idempotency_keys (id, environment, key, request_method, request_path, request_hash, lock_token, locked_at, created_at, completed_at, response_status, response_content_type, response_location, response_body) VALUES ('01a241c1-8035-79ba-93b8-2b89e7ac34c5', 'test', 'legacy-test-counterparty', 'POST', '/v1/counterparties', '974a092c084c4e4f78ff4c45b1b6ef51e2a61c8a07ac7cda40b81d751b3f5e39', NULL, NULL, '2026-12-04 15:52:10.037167+00', '2026-12-04 15:52:10.395252+00', 201, 'application/json; charset=utf-8', '/v1/counterparties/01a241c1-8120-7626-a0f6-070b8b992003', '\x631e81a89a033d4a6a584f8a9776b3694f67720fc0b9e0cda40026a366b686a89008e72bc6de451f988d8d5d9301c8dc5ffd5e0c19b9132ae6bb3495312a14ee8d73be0b4dc1b041a59449475cd29b1a9cc45eec30b5e383600a0f1bb9dfe8ae5e49890c0dbd4027dc38f6cebf9c214868f1d36f3c3d5035dd30b47cf6f062d9bd6352d17141906666f06934724e3f1e8868d4158afeb20d45503c39e20064ad0e40cb85d49e8273eb4ef31148fd4c09511c4add4d1416d060f9c29d89db49ba0b14392d85f1edc0281173d8462d4acda06f79665f59');
INSERT INTO public.idempotency_keys (id, environment, key, request_method, request_path, request_hash, lock_token, locked_at, created_at, completed_at, response_status, response_content_type, response_location, response_body) VALUES ('01a241c1-837f-7746-ae85-2ea880c8277e', 'test', 'legacy-test-invoice', 'POST', '/v1/invoices', '83b2ead8232645c200621042233b99cfe094f9e531f8f86617237bcf866f6ca9', NULL, NULL, '2026-12-04 15:52:10.879752+00', '2026-12-04 15:52:11.909424+00', 201, 'application/json; charset=utf-8', '/v1/invoices/01a241c1-8634-7189-bf90-27873ec4439a', '\x14404d31759520b4cb735f24628480a346a57be953b7ebb91dcc026ab3dde520bdc93553424a16d03aa746d28b8e74ee17dca804efedc37242428ea4c2ab90f75b65e4e482fdc31d12a2416cacd68eb37b66e180ec3f54ee13a952aa4a58d8519659efc9760a5b84fbcee67a80cdbf5e2ea182e8ea0b0aed25e3675ede41cda5b984b32bc7381028fb32bdc07bd437c51de7122f64d6a3d28d0f722dfd85af047541e7ba559ec0fe3b6a6d5da10e6c7f77ae24cb30eeb4b6f5a3b6f8013b66ceb3e976a452014c9db8a226e9a12fe7aa5b67e20f86e0228147b0a470df60f223a1d1a646cd66a889d3f3ab3a20173683396c00bc4eb52921a65885aa0f33935a4215ad24e650e7081954ce2115108bdd396d6b50bfb79d6045627efef131dc455b397d91d06510043711c5ee2791149eb43a7faf239d6c5a096a6ccfdd9f93211912a859029b29be3716183d8aeb3640c6f06a91e934b17a0d889ca869dee80f4e5010a83f612e9331c11798adfeb097082952e3c55aa57c628ddcdd8d95e64125f9a7216c93ee93b75155c8ac3979fb79d03489d1fe62942c8255dbc2a150a8e69d27a69d90bbda3023d1a8d1fd256dffb352e5c6ff7e03a090402266e2628e0cbc9e8fd9f478ff9d9032025e0a0692342ce2b6153b92fc04596f6669e6b195318466b468bc1bdae4765e8301c8cf1e150c9566f528a03cdc0eb2d17abfa90adddb2877212f70cac483e722c587519231236f1ebd67ed777b2491fa473147654aa86c759b4846ae9a6b718af74f4106a90544037577c904c53a4b2b5f9d8db6bab7273ef17af1492ad5a1f78c3ac3e525');
INSERT INTO public.idempotency_keys (id, environment, key, request_method, request_path, request_hash, lock_token, locked_at, created_at, completed_at, response_status, response_content_type, response_location, response_body) VALUES ('01a241c1-9507-7e52-ac10-b5cf95ea4d17', 'live', 'legacy-live-counterparty', 'POST', '/v1/counterparties', '974a092c084c4e4f78ff4c45b1b6ef51e2a61c8a07ac7cda40b81d751b3f5e39', NULL, NULL, '2026-12-04 15:52:15.367422+00', '2026-12-04 15:52:15.495304+00', 201, 'application/json; charset=utf-8', '/v1/counterparties/01a241c1-956b-78ce-8dbc-84d6a656b840', '\x43d0b242dae7f028baae4090fadadb6050c35a2881bcc8843d546f3b81271311c85007b9663bc38eae250205ae12ce0338f449d9b7e432697ae454e25d169791e6462fd251d97bdb8f1a30dde849cf70da78e3344b9919b62e02469507966fd898dec0ac1d19ff03bee911ef83f218ca94704b0c72568a9127f0eac7d51b32e2fbdbfa1309ccf8bb9354058cbadacc22f494ebbab6534c91538baf4f0b1e22c3baf9c88e55f5a43642ca7bc16b96414d289cb7850dee01f16e65977f292d2e9ff6cdfa008a42ef26f18bdc6339c8ec4a5b72435a8d7e');
INSERT INTO public.idempotency_keys (id, environment, key, request_method, request_path, request_hash, lock_token, locked_at, created_at, completed_at, response_status, response_content_type, response_location, response_body) VALUES ('01a241c1-9af2-777d-a5e8-29bd78d57efc', 'live', 'legacy-live-invoice', 'POST', '/v1/invoices', 'db197fc0558ca0e186d027db15f23488e5061524f89c0d9a7cdab10424b1152e', NULL, NULL, '2026-12-04 15:52:16.882546+00', '2026-12-04 15:52:17.007127+00', 201, 'application/json; charset=utf-8', '/v1/invoices/01a241c1-9b66-7ab6-b7f9-306f01a2c379', '\x869a9fd032b1df93607dcf17d5c2474c1b3a04181c621637a3c5715dac34738c20780492d5b7f201e8e86d489730850223f0510d590b3e529deec996a60a69051edcf0080c3d06ca804115d8b7ae23c2ffe032976081830fc09af636c74ae21edd12a96ca53cbfe9a9b122e6420ac49c167583089e1fe7b4cd2a6e688e9bbfea1da70bf5365c1a339b8531206093cac404212db018a04046131c2f4736d696025c3856d993fbb3ab27acc252bd0f438e47ae11ff319214f7ee227084a12fa0088984789bb24c4fbcf6059741865819b6b9fe1da58aee8bba2b11f48629e6312e196689c68eb8dbfb551fa9f1954e15a346f7c85a1d448db1d634d6553985f854b2d49631f1e63543aa33d7e6fa5a62289e59a08dbc1e466f56b226915801916da0fbd8d4ab4fa43ae40f24faa6ce4c02b49015fa9cab5f83e7f2f662c400e56fccb1dc804ab141512e2bed92cab35b6dc964d39024472315006333e35cdac118d2fea808921b202efe882ab7cb2e248c2e0da633945662f427c17bf88e1d24c4d6e610af293c35f18c1068308469ea4b0c013815575b558a8c16a808759790decfad039d3eea85091f3ada77aa4a31bb57db861f550b1eaa9bead4f8b823fee76ad8b440dfc49a3a3c3eb71e7798551aa3dca6c1eb9817cf28d9c266039171be6caf6e616bc1cd567279a4c6347af720825ae626083e918b02875bac70c75a44795bf8d3b979c022f0925ba275da60149a37d7b38516d8944ea4047df5c9078845916ce5e46d8d6981eaa9b4beddc5e4f724a197d188dca895dae89c83f28f400a156c92c4718e1b64d0058bacda28e226');


--
-- Data for Name: invoices; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241c1-8634-7189-bf90-27873ec4439a', 'test', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-INV-OPEN', 'Zahlbar in 30 Tagen — danke!', '01a241c1-8120-7626-a0f6-070b8b992003', '01a241c1-8283-771b-aeca-951741055d82', '2026-12-04 15:52:11.572809+00', '2026-12-04 15:52:11.572809+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241c1-888b-7747-b439-37e8b7efe040', 'test', 'paid', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-INV-PAID', NULL, '01a241c1-8120-7626-a0f6-070b8b992003', '01a241c1-8283-771b-aeca-951741055d82', '2026-12-04 15:52:12.17127+00', '2026-12-04 15:52:12.801027+00', '2026-12-04 15:52:12.801027+00', NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241c1-89c3-7693-9cfc-bc058298370d', 'test', 'void', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-inv-paid', NULL, '01a241c1-8120-7626-a0f6-070b8b992003', '01a241c1-8283-771b-aeca-951741055d82', '2026-12-04 15:52:12.483376+00', '2026-12-04 15:52:13.725039+00', NULL, '2026-12-04 15:52:13.725039+00');
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241c1-92d1-73dc-80de-98ca3575edcf', 'test', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-B-1', NULL, '01a241c1-8283-771b-aeca-951741055d82', '01a241c1-8120-7626-a0f6-070b8b992003', '2026-12-04 15:52:14.801637+00', '2026-12-04 15:52:14.801637+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241c1-92d1-7c69-a47a-05bd81fe4aa4', 'test', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-B-2', NULL, '01a241c1-8283-771b-aeca-951741055d82', '01a241c1-8120-7626-a0f6-070b8b992003', '2026-12-04 15:52:14.801637+00', '2026-12-04 15:52:14.801637+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241c1-92d1-7c69-a47a-05bd81fe4aa5', 'test', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-B-3', NULL, '01a241c1-8283-771b-aeca-951741055d82', '01a241c1-8120-7626-a0f6-070b8b992003', '2026-12-04 15:52:14.801637+00', '2026-12-04 15:52:14.801637+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241c1-9b66-7ab6-b7f9-306f01a2c379', 'live', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'live-INV-OPEN', 'Zahlbar in 30 Tagen — danke!', '01a241c1-956b-78ce-8dbc-84d6a656b840', '01a241c1-97a9-726e-be9f-416e39744681', '2026-12-04 15:52:16.998964+00', '2026-12-04 15:52:16.998964+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241c1-9f8e-7c85-8a39-97ca12e1def3', 'live', 'paid', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'live-INV-PAID', NULL, '01a241c1-956b-78ce-8dbc-84d6a656b840', '01a241c1-97a9-726e-be9f-416e39744681', '2026-12-04 15:52:18.062916+00', '2026-12-04 15:52:18.59118+00', '2026-12-04 15:52:18.59118+00', NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241c1-a0a4-73ee-9580-4c857efab496', 'live', 'void', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'live-inv-paid', NULL, '01a241c1-956b-78ce-8dbc-84d6a656b840', '01a241c1-97a9-726e-be9f-416e39744681', '2026-12-04 15:52:18.34054+00', '2026-12-04 15:52:18.836649+00', NULL, '2026-12-04 15:52:18.836649+00');
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241c1-a523-7d86-8735-1dcc52962c63', 'live', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'live-B-1', NULL, '01a241c1-97a9-726e-be9f-416e39744681', '01a241c1-956b-78ce-8dbc-84d6a656b840', '2026-12-04 15:52:19.491471+00', '2026-12-04 15:52:19.491471+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241c1-a523-7d86-8735-1dcc52962c64', 'live', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'live-B-2', NULL, '01a241c1-97a9-726e-be9f-416e39744681', '01a241c1-956b-78ce-8dbc-84d6a656b840', '2026-12-04 15:52:19.491471+00', '2026-12-04 15:52:19.491471+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241c1-a523-7d86-8735-1dcc52962c65', 'live', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'live-B-3', NULL, '01a241c1-97a9-726e-be9f-416e39744681', '01a241c1-956b-78ce-8dbc-84d6a656b840', '2026-12-04 15:52:19.491471+00', '2026-12-04 15:52:19.491471+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241c2-0592-7eb4-bc71-6b94484b1830', 'test', 'paid', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-INV-LATE', NULL, '01a241c1-8283-771b-aeca-951741055d82', '01a241c1-8120-7626-a0f6-070b8b992003', '2026-12-04 15:52:44.17834+00', '2026-12-04 15:52:45.360269+00', '2026-12-04 15:52:45.360269+00', NULL);


--
-- Data for Name: webhook_deliveries; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c1-8120-76d4-abee-0f10fb927bcf', '01a241c1-8120-7dd8-b5ce-733f4431c053', '01a241c1-7e13-74bc-8578-9a7e784fa8db', 'delivered', 1, '2026-12-04 15:52:11.891725+00', '2026-12-04 15:52:10.272139+00', '2026-12-04 15:52:11.891725+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c1-8283-71db-b371-35d0d2a8dd27', '01a241c1-8283-771b-aeca-951741055d83', '01a241c1-7e13-74bc-8578-9a7e784fa8db', 'delivered', 1, '2026-12-04 15:52:12.549402+00', '2026-12-04 15:52:10.627798+00', '2026-12-04 15:52:12.549402+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c1-8634-7c2f-92aa-e16953611aa3', '01a241c1-8634-751d-bdc8-49669de3482b', '01a241c1-7e13-74bc-8578-9a7e784fa8db', 'delivered', 1, '2026-12-04 15:52:12.592587+00', '2026-12-04 15:52:11.572809+00', '2026-12-04 15:52:12.592587+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c1-888b-7091-bbf1-bf20e4157970', '01a241c1-888b-7747-b439-37e8b7efe041', '01a241c1-7e13-74bc-8578-9a7e784fa8db', 'delivered', 1, '2026-12-04 15:52:12.615344+00', '2026-12-04 15:52:12.17127+00', '2026-12-04 15:52:12.615344+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c1-89c3-7c62-9e66-ca7c11efb8ff', '01a241c1-89c3-7693-9cfc-bc058298370e', '01a241c1-7e13-74bc-8578-9a7e784fa8db', 'delivered', 1, '2026-12-04 15:52:12.995477+00', '2026-12-04 15:52:12.483376+00', '2026-12-04 15:52:12.995477+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c1-8b01-7b3d-aaf4-bf68ae152e49', '01a241c1-8b01-796f-a395-2a99428f959e', '01a241c1-7e13-74bc-8578-9a7e784fa8db', 'delivered', 1, '2026-12-04 15:52:13.742567+00', '2026-12-04 15:52:12.801027+00', '2026-12-04 15:52:13.742567+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c1-8e9d-77fd-aa27-7affe4047454', '01a241c1-8e9d-75cb-9dc2-26e66654d84f', '01a241c1-7e13-74bc-8578-9a7e784fa8db', 'delivered', 1, '2026-12-04 15:52:14.378594+00', '2026-12-04 15:52:13.725039+00', '2026-12-04 15:52:14.378594+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c1-92d1-7c5d-9f4f-c1cd41327f11', '01a241c1-92d1-7c69-a47a-05bd81fe4aa6', '01a241c1-7e13-74bc-8578-9a7e784fa8db', 'delivered', 1, '2026-12-04 15:52:15.288396+00', '2026-12-04 15:52:14.801637+00', '2026-12-04 15:52:15.288396+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c1-92d1-70fc-b398-81e92263d8da', '01a241c1-92d1-7c69-a47a-05bd81fe4aa7', '01a241c1-7e13-74bc-8578-9a7e784fa8db', 'delivered', 1, '2026-12-04 15:52:15.342387+00', '2026-12-04 15:52:14.801637+00', '2026-12-04 15:52:15.342387+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c1-92d1-7182-ac9c-54a21989d123', '01a241c1-92d1-7c69-a47a-05bd81fe4aa8', '01a241c1-7e13-74bc-8578-9a7e784fa8db', 'delivered', 1, '2026-12-04 15:52:15.371847+00', '2026-12-04 15:52:14.801637+00', '2026-12-04 15:52:15.371847+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c1-8b01-724c-8ef5-847854de2241', '01a241c1-8b01-796f-a395-2a99428f959e', '01a241c1-7f85-71d3-9d7f-54c91e267b68', 'failed', 3, '2026-12-04 15:52:15.967088+00', '2026-12-04 15:52:12.801027+00', '2026-12-04 15:52:15.967088+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c1-8e9d-7dbb-9c4b-3bfd3c01a8b7', '01a241c1-8e9d-75cb-9dc2-26e66654d84f', '01a241c1-7f85-71d3-9d7f-54c91e267b68', 'failed', 3, '2026-12-04 15:52:16.877602+00', '2026-12-04 15:52:13.725039+00', '2026-12-04 15:52:16.877602+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c2-0592-781a-b404-20b4936fc36c', '01a241c2-0592-7eb4-bc71-6b94484b1831', '01a241c1-7e13-74bc-8578-9a7e784fa8db', 'delivered', 1, '2026-12-04 15:52:46.4721+00', '2026-12-04 15:52:44.17834+00', '2026-12-04 15:52:46.4721+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c2-0a30-7ce1-83f2-3db9ad0ca628', '01a241c2-0a30-7cbc-ab97-ebde6f6b4dfd', '01a241c1-7e13-74bc-8578-9a7e784fa8db', 'pending', 0, '2026-12-04 15:57:47.986+00', '2026-12-04 15:52:45.360269+00', NULL);
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241c2-0a30-7e06-b9aa-8310f03ef7e4', '01a241c2-0a30-7cbc-ab97-ebde6f6b4dfd', '01a241c1-7f85-71d3-9d7f-54c91e267b68', 'pending', 0, '2026-12-04 15:57:47.986+00', '2026-12-04 15:52:45.360269+00', NULL);


--
-- Data for Name: webhook_delivery_attempts; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-8657-7098-968f-5e1b1fe77cf3', '01a241c1-8120-76d4-abee-0f10fb927bcf', '2026-12-04 15:52:11.607696+00', 200, 273, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-89cf-7ec1-a6fc-ca9748a2e5d5', '01a241c1-8283-71db-b371-35d0d2a8dd27', '2026-12-04 15:52:12.495012+00', 200, 54, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-89e2-7b30-ace9-6fe3e5053208', '01a241c1-8634-7c2f-92aa-e16953611aa3', '2026-12-04 15:52:12.51452+00', 200, 34, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-89e3-75e1-b3f0-066192a9ebe4', '01a241c1-888b-7091-bbf1-bf20e4157970', '2026-12-04 15:52:12.515176+00', 200, 17, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-8ba6-7a87-97fd-419d13a0b55c', '01a241c1-89c3-7c62-9e66-ca7c11efb8ff', '2026-12-04 15:52:12.966687+00', 200, 28, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-8ddb-7db0-a9d3-77630ff4e377', '01a241c1-8b01-724c-8ef5-847854de2241', '2026-12-04 15:52:13.531075+00', 500, 159, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-8de2-7058-9c76-c7ed7ed64bfd', '01a241c1-8b01-7b3d-aaf4-bf68ae152e49', '2026-12-04 15:52:13.538331+00', 200, 152, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-9029-728f-99c8-73e859ede482', '01a241c1-8e9d-7dbb-9c4b-3bfd3c01a8b7', '2026-12-04 15:52:14.121035+00', 500, 215, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-902f-7f8c-bebe-ea3a6254979f', '01a241c1-8e9d-77fd-aa27-7affe4047454', '2026-12-04 15:52:14.127556+00', 200, 223, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-9210-7090-b410-3aa1971f7fc9', '01a241c1-8b01-724c-8ef5-847854de2241', '2026-12-04 15:52:14.608961+00', 500, 99, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-9401-74bd-aa7b-3d549cd51c6e', '01a241c1-8e9d-7dbb-9c4b-3bfd3c01a8b7', '2026-12-04 15:52:15.105575+00', 500, 107, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-943e-780d-b000-c4b30cba8848', '01a241c1-92d1-7c5d-9f4f-c1cd41327f11', '2026-12-04 15:52:15.16662+00', 200, 47, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-943f-7913-895f-7b182f37f2ae', '01a241c1-92d1-70fc-b398-81e92263d8da', '2026-12-04 15:52:15.167258+00', 200, 49, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-943f-7759-aa32-a773d54b9de9', '01a241c1-92d1-7182-ac9c-54a21989d123', '2026-12-04 15:52:15.167415+00', 200, 49, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-9742-7aff-9257-95047a96166f', '01a241c1-8b01-724c-8ef5-847854de2241', '2026-12-04 15:52:15.938725+00', 500, 27, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c1-9ac7-7f44-b78c-daa42912256a', '01a241c1-8e9d-7dbb-9c4b-3bfd3c01a8b7', '2026-12-04 15:52:16.839212+00', 500, 38, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241c2-0c9b-7f6a-8599-ae7c8691a469', '01a241c2-0592-781a-b404-20b4936fc36c', '2026-12-04 15:52:45.979186+00', 200, 469, 'ok', NULL);


--
-- Data for Name: webhook_endpoints; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.webhook_endpoints (id, environment, url, enabled_events, protected_secret, created_at) VALUES ('01a241c1-7e13-74bc-8578-9a7e784fa8db', 'test', 'http://127.0.0.1:41237/ok', '*', 'v1.0F26MfKHPw/tROUCtQyVry/cahcKC/CvdABxv23wgZo9r5RQu2I9KFAozZ4QgQSGFn5i2372eOJ077RrzKd1qyoJ', '2026-12-04 15:52:09.49166+00');
INSERT INTO public.webhook_endpoints (id, environment, url, enabled_events, protected_secret, created_at) VALUES ('01a241c1-7f85-71d3-9d7f-54c91e267b68', 'test', 'http://127.0.0.1:41237/fail', 'invoice.paid invoice.voided', 'v1.urJSVQKWCBTrBxmY/AAKROOji7bdAh2bDNzJ/60EHh19nicZLYTseI9jCE2YABFL8LADbhSw1FLvGMdz/mNKuL9f', '2026-12-04 15:52:09.861281+00');


--
-- Name: __EFMigrationsHistory PK___EFMigrationsHistory; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."__EFMigrationsHistory"
    ADD CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId");


--
-- Name: api_keys PK_api_keys; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT "PK_api_keys" PRIMARY KEY (id);


--
-- Name: counterparties PK_counterparties; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.counterparties
    ADD CONSTRAINT "PK_counterparties" PRIMARY KEY (id);


--
-- Name: events PK_events; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT "PK_events" PRIMARY KEY (id);


--
-- Name: idempotency_keys PK_idempotency_keys; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_keys
    ADD CONSTRAINT "PK_idempotency_keys" PRIMARY KEY (id);


--
-- Name: invoices PK_invoices; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoices
    ADD CONSTRAINT "PK_invoices" PRIMARY KEY (id);


--
-- Name: webhook_deliveries PK_webhook_deliveries; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY (id);


--
-- Name: webhook_delivery_attempts PK_webhook_delivery_attempts; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_delivery_attempts
    ADD CONSTRAINT "PK_webhook_delivery_attempts" PRIMARY KEY (id);


--
-- Name: webhook_endpoints PK_webhook_endpoints; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_endpoints
    ADD CONSTRAINT "PK_webhook_endpoints" PRIMARY KEY (id);


--
-- Name: IX_api_keys_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "IX_api_keys_hash" ON public.api_keys USING btree (hash);


--
-- Name: IX_api_keys_prefix; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "IX_api_keys_prefix" ON public.api_keys USING btree (prefix);


--
-- Name: IX_counterparties_environment_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_counterparties_environment_id" ON public.counterparties USING btree (environment, id);


--
-- Name: IX_events_environment_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_events_environment_id" ON public.events USING btree (environment, id);


--
-- Name: IX_events_environment_type_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_events_environment_type_id" ON public.events USING btree (environment, type, id);


--
-- Name: IX_events_undispatched; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_events_undispatched" ON public.events USING btree (id) WHERE (dispatched_at IS NULL);


--
-- Name: IX_idempotency_keys_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_idempotency_keys_created_at" ON public.idempotency_keys USING btree (created_at);


--
-- Name: IX_invoices_environment_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_environment_id" ON public.invoices USING btree (environment, id);


--
-- Name: IX_invoices_environment_invoice_date_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_environment_invoice_date_id" ON public.invoices USING btree (environment, invoice_date, id);


--
-- Name: IX_invoices_environment_originating_counterparty_id_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_environment_originating_counterparty_id_id" ON public.invoices USING btree (environment, originating_counterparty_id, id);


--
-- Name: IX_invoices_environment_receiving_counterparty_id_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_environment_receiving_counterparty_id_id" ON public.invoices USING btree (environment, receiving_counterparty_id, id);


--
-- Name: IX_invoices_environment_status_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_environment_status_id" ON public.invoices USING btree (environment, status, id);


--
-- Name: IX_invoices_originating_counterparty_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_originating_counterparty_id" ON public.invoices USING btree (originating_counterparty_id);


--
-- Name: IX_invoices_receiving_counterparty_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_receiving_counterparty_id" ON public.invoices USING btree (receiving_counterparty_id);


--
-- Name: IX_webhook_deliveries_event_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_webhook_deliveries_event_id" ON public.webhook_deliveries USING btree (event_id);


--
-- Name: IX_webhook_deliveries_status_next_attempt_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_webhook_deliveries_status_next_attempt_at" ON public.webhook_deliveries USING btree (status, next_attempt_at);


--
-- Name: IX_webhook_deliveries_webhook_endpoint_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_webhook_deliveries_webhook_endpoint_id" ON public.webhook_deliveries USING btree (webhook_endpoint_id);


--
-- Name: IX_webhook_delivery_attempts_webhook_delivery_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_webhook_delivery_attempts_webhook_delivery_id" ON public.webhook_delivery_attempts USING btree (webhook_delivery_id);


--
-- Name: IX_webhook_endpoints_environment_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_webhook_endpoints_environment_id" ON public.webhook_endpoints USING btree (environment, id);


--
-- Name: UX_idempotency_keys_environment_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "UX_idempotency_keys_environment_key" ON public.idempotency_keys USING btree (environment, key);


--
-- Name: UX_invoices_environment_originating_counterparty_number; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "UX_invoices_environment_originating_counterparty_number" ON public.invoices USING btree (environment, originating_counterparty_id, invoice_number);


--
-- Name: invoices FK_invoices_counterparties_originating_counterparty_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoices
    ADD CONSTRAINT "FK_invoices_counterparties_originating_counterparty_id" FOREIGN KEY (originating_counterparty_id) REFERENCES public.counterparties(id) ON DELETE RESTRICT;


--
-- Name: invoices FK_invoices_counterparties_receiving_counterparty_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoices
    ADD CONSTRAINT "FK_invoices_counterparties_receiving_counterparty_id" FOREIGN KEY (receiving_counterparty_id) REFERENCES public.counterparties(id) ON DELETE RESTRICT;


--
-- Name: webhook_deliveries FK_webhook_deliveries_events_event_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT "FK_webhook_deliveries_events_event_id" FOREIGN KEY (event_id) REFERENCES public.events(id) ON DELETE CASCADE;


--
-- Name: webhook_deliveries FK_webhook_deliveries_webhook_endpoints_webhook_endpoint_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT "FK_webhook_deliveries_webhook_endpoints_webhook_endpoint_id" FOREIGN KEY (webhook_endpoint_id) REFERENCES public.webhook_endpoints(id) ON DELETE CASCADE;


--
-- Name: webhook_delivery_attempts FK_webhook_delivery_attempts_webhook_delivery_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_delivery_attempts
    ADD CONSTRAINT "FK_webhook_delivery_attempts_webhook_delivery_id" FOREIGN KEY (webhook_delivery_id) REFERENCES public.webhook_deliveries(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


