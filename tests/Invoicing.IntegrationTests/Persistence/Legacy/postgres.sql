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

INSERT INTO public.api_keys (id, environment, name, prefix, hash, created_at, revoked_at) VALUES ('01a241a9-a9e1-780e-98ac-0b0d1cee8203', 'test', 'legacy-test', 'sk_test_LegacyFi', 'a6d86994473e61e148f93ddd1d9202ae0286feec67e551353271888e37b1b0f0', '2026-12-04 15:26:07.841361+00', NULL);
INSERT INTO public.api_keys (id, environment, name, prefix, hash, created_at, revoked_at) VALUES ('01a241a9-ac65-78ba-8fe6-543b3b2a4267', 'live', 'legacy-live', 'sk_live_LegacyFi', 'a32e7720c50228348c2bf29308f1e34c6e2d33917c9f1c2a533b44bd4a9a5299', '2026-12-04 15:26:08.485165+00', NULL);
INSERT INTO public.api_keys (id, environment, name, prefix, hash, created_at, revoked_at) VALUES ('01a241aa-213a-721d-bb2d-17450b53e720', 'test', 'revoked', 'sk_test_z1tYZseZ', '0ac9373e36f81d94a5db8c922db9168439aa566acd1f19578d890b6d7048a04f', '2026-12-04 15:26:38.394445+00', '2026-12-04 15:26:54.797726+00');


--
-- Data for Name: counterparties; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.counterparties (id, environment, name, email, created_at) VALUES ('01a241a9-aef7-7438-a062-9736bb73402b', 'test', 'Ärzte & Söhne GmbH', 'billing@aerzte.test', '2026-12-04 15:26:09.143501+00');
INSERT INTO public.counterparties (id, environment, name, email, created_at) VALUES ('01a241a9-af90-7b7b-95f0-46eb10a64ac2', 'test', 'Müller 🚀 Tires', NULL, '2026-12-04 15:26:09.296453+00');
INSERT INTO public.counterparties (id, environment, name, email, created_at) VALUES ('01a241a9-b305-7a8c-bc8b-6c8990cf3615', 'live', 'Ärzte & Söhne GmbH', 'billing@aerzte.test', '2026-12-04 15:26:10.181112+00');
INSERT INTO public.counterparties (id, environment, name, email, created_at) VALUES ('01a241a9-b338-7026-9a74-ecc432f4a14b', 'live', 'Müller 🚀 Tires', NULL, '2026-12-04 15:26:10.23251+00');
INSERT INTO public.counterparties (id, environment, name, email, created_at) VALUES ('01a241aa-9000-7b62-a15f-fff692cd6f3f', 'test', 'Undispatched', NULL, '2026-12-04 15:27:06.752065+00');


--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-aef7-7673-ae4e-1708c08e8dca', 'test', 'counterparty.created', '{"object":"counterparty","id":"01a241a9-aef7-7438-a062-9736bb73402b","environment":"test","name":"Ärzte & Söhne GmbH","email":"billing@aerzte.test","created_at":"2026-12-04T15:26:09Z"}', '2026-12-04 15:26:09.143501+00', '2026-12-04 15:26:09.362+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-af90-7b7b-95f0-46eb10a64ac3', 'test', 'counterparty.created', '{"object":"counterparty","id":"01a241a9-af90-7b7b-95f0-46eb10a64ac2","environment":"test","name":"Müller \uD83D\uDE80 Tires","email":null,"created_at":"2026-12-04T15:26:09Z"}', '2026-12-04 15:26:09.296453+00', '2026-12-04 15:26:09.362+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b08b-7e30-a736-3d893cbfcd85', 'test', 'invoice.created', '{"object":"invoice","id":"01a241a9-b08b-7e30-a736-3d893cbfcd84","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-OPEN","note":"Zahlbar in 30 Tagen — danke!","originating_counterparty_id":"01a241a9-aef7-7438-a062-9736bb73402b","receiving_counterparty_id":"01a241a9-af90-7b7b-95f0-46eb10a64ac2","created_at":"2026-12-04T15:26:09Z","updated_at":"2026-12-04T15:26:09Z","paid_at":null,"voided_at":null}', '2026-12-04 15:26:09.54717+00', '2026-12-04 15:26:10.021+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b150-7974-86a9-0bf82cd037ae', 'test', 'invoice.created', '{"object":"invoice","id":"01a241a9-b150-712a-b227-72ccaebfd43b","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-PAID","note":null,"originating_counterparty_id":"01a241a9-aef7-7438-a062-9736bb73402b","receiving_counterparty_id":"01a241a9-af90-7b7b-95f0-46eb10a64ac2","created_at":"2026-12-04T15:26:09Z","updated_at":"2026-12-04T15:26:09Z","paid_at":null,"voided_at":null}', '2026-12-04 15:26:09.744699+00', '2026-12-04 15:26:10.021+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b1a5-7fb3-b67c-32e7cacc629a', 'test', 'invoice.created', '{"object":"invoice","id":"01a241a9-b1a5-7fb3-b67c-32e7cacc6299","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-inv-paid","note":null,"originating_counterparty_id":"01a241a9-aef7-7438-a062-9736bb73402b","receiving_counterparty_id":"01a241a9-af90-7b7b-95f0-46eb10a64ac2","created_at":"2026-12-04T15:26:09Z","updated_at":"2026-12-04T15:26:09Z","paid_at":null,"voided_at":null}', '2026-12-04 15:26:09.829813+00', '2026-12-04 15:26:10.021+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b1df-7662-9b2f-071da3f18bd8', 'test', 'invoice.paid', '{"object":"invoice","id":"01a241a9-b150-712a-b227-72ccaebfd43b","environment":"test","status":"paid","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-PAID","note":null,"originating_counterparty_id":"01a241a9-aef7-7438-a062-9736bb73402b","receiving_counterparty_id":"01a241a9-af90-7b7b-95f0-46eb10a64ac2","created_at":"2026-12-04T15:26:09Z","updated_at":"2026-12-04T15:26:09Z","paid_at":"2026-12-04T15:26:09Z","voided_at":null}', '2026-12-04 15:26:09.8875+00', '2026-12-04 15:26:10.021+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b225-7052-b496-5681998d111f', 'test', 'invoice.voided', '{"object":"invoice","id":"01a241a9-b1a5-7fb3-b67c-32e7cacc6299","environment":"test","status":"void","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-inv-paid","note":null,"originating_counterparty_id":"01a241a9-aef7-7438-a062-9736bb73402b","receiving_counterparty_id":"01a241a9-af90-7b7b-95f0-46eb10a64ac2","created_at":"2026-12-04T15:26:09Z","updated_at":"2026-12-04T15:26:09Z","paid_at":null,"voided_at":"2026-12-04T15:26:09Z"}', '2026-12-04 15:26:09.957182+00', '2026-12-04 15:26:10.021+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b2ab-78da-9a6e-d0dfb14ceb41', 'test', 'invoice.created', '{"object":"invoice","id":"01a241a9-b2ab-7287-94d0-f26a0346d346","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-B-1","note":null,"originating_counterparty_id":"01a241a9-af90-7b7b-95f0-46eb10a64ac2","receiving_counterparty_id":"01a241a9-aef7-7438-a062-9736bb73402b","created_at":"2026-12-04T15:26:10Z","updated_at":"2026-12-04T15:26:10Z","paid_at":null,"voided_at":null}', '2026-12-04 15:26:10.091271+00', '2026-12-04 15:26:10.332+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b2ab-78da-9a6e-d0dfb14ceb42', 'test', 'invoice.created', '{"object":"invoice","id":"01a241a9-b2ab-78da-9a6e-d0dfb14ceb3f","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-B-2","note":null,"originating_counterparty_id":"01a241a9-af90-7b7b-95f0-46eb10a64ac2","receiving_counterparty_id":"01a241a9-aef7-7438-a062-9736bb73402b","created_at":"2026-12-04T15:26:10Z","updated_at":"2026-12-04T15:26:10Z","paid_at":null,"voided_at":null}', '2026-12-04 15:26:10.091271+00', '2026-12-04 15:26:10.332+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b2ab-7eea-9acf-bef7f420d99b', 'test', 'invoice.created', '{"object":"invoice","id":"01a241a9-b2ab-78da-9a6e-d0dfb14ceb40","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-B-3","note":null,"originating_counterparty_id":"01a241a9-af90-7b7b-95f0-46eb10a64ac2","receiving_counterparty_id":"01a241a9-aef7-7438-a062-9736bb73402b","created_at":"2026-12-04T15:26:10Z","updated_at":"2026-12-04T15:26:10Z","paid_at":null,"voided_at":null}', '2026-12-04 15:26:10.091271+00', '2026-12-04 15:26:10.332+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b338-7f42-b754-90495c627100', 'live', 'counterparty.created', '{"object":"counterparty","id":"01a241a9-b338-7026-9a74-ecc432f4a14b","environment":"live","name":"Müller \uD83D\uDE80 Tires","email":null,"created_at":"2026-12-04T15:26:10Z"}', '2026-12-04 15:26:10.23251+00', '2026-12-04 15:26:10.332+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b3a6-7f6c-a26a-05935b73865b', 'live', 'invoice.created', '{"object":"invoice","id":"01a241a9-b3a6-7f6c-a26a-05935b73865a","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-INV-OPEN","note":"Zahlbar in 30 Tagen — danke!","originating_counterparty_id":"01a241a9-b305-7a8c-bc8b-6c8990cf3615","receiving_counterparty_id":"01a241a9-b338-7026-9a74-ecc432f4a14b","created_at":"2026-12-04T15:26:10Z","updated_at":"2026-12-04T15:26:10Z","paid_at":null,"voided_at":null}', '2026-12-04 15:26:10.342896+00', '2026-12-04 15:26:10.607+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b440-7251-b2f8-a6dd315dd25f', 'live', 'invoice.paid', '{"object":"invoice","id":"01a241a9-b3ec-706d-99e7-2a83e022e310","environment":"live","status":"paid","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-INV-PAID","note":null,"originating_counterparty_id":"01a241a9-b305-7a8c-bc8b-6c8990cf3615","receiving_counterparty_id":"01a241a9-b338-7026-9a74-ecc432f4a14b","created_at":"2026-12-04T15:26:10Z","updated_at":"2026-12-04T15:26:10Z","paid_at":"2026-12-04T15:26:10Z","voided_at":null}', '2026-12-04 15:26:10.496379+00', '2026-12-04 15:26:10.607+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b305-7a8c-bc8b-6c8990cf3616', 'live', 'counterparty.created', '{"object":"counterparty","id":"01a241a9-b305-7a8c-bc8b-6c8990cf3615","environment":"live","name":"Ärzte & Söhne GmbH","email":"billing@aerzte.test","created_at":"2026-12-04T15:26:10Z"}', '2026-12-04 15:26:10.181112+00', '2026-12-04 15:26:10.332+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b3ec-7fe4-8b4e-cd8a35857b6d', 'live', 'invoice.created', '{"object":"invoice","id":"01a241a9-b3ec-706d-99e7-2a83e022e310","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-INV-PAID","note":null,"originating_counterparty_id":"01a241a9-b305-7a8c-bc8b-6c8990cf3615","receiving_counterparty_id":"01a241a9-b338-7026-9a74-ecc432f4a14b","created_at":"2026-12-04T15:26:10Z","updated_at":"2026-12-04T15:26:10Z","paid_at":null,"voided_at":null}', '2026-12-04 15:26:10.412932+00', '2026-12-04 15:26:10.607+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b420-7d2b-bf02-8cb1a7efcbbb', 'live', 'invoice.created', '{"object":"invoice","id":"01a241a9-b420-77e8-8b9d-7393dcd37e3f","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-inv-paid","note":null,"originating_counterparty_id":"01a241a9-b305-7a8c-bc8b-6c8990cf3615","receiving_counterparty_id":"01a241a9-b338-7026-9a74-ecc432f4a14b","created_at":"2026-12-04T15:26:10Z","updated_at":"2026-12-04T15:26:10Z","paid_at":null,"voided_at":null}', '2026-12-04 15:26:10.464557+00', '2026-12-04 15:26:10.607+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b45f-74fe-96d0-b9a591b8db54', 'live', 'invoice.voided', '{"object":"invoice","id":"01a241a9-b420-77e8-8b9d-7393dcd37e3f","environment":"live","status":"void","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-inv-paid","note":null,"originating_counterparty_id":"01a241a9-b305-7a8c-bc8b-6c8990cf3615","receiving_counterparty_id":"01a241a9-b338-7026-9a74-ecc432f4a14b","created_at":"2026-12-04T15:26:10Z","updated_at":"2026-12-04T15:26:10Z","paid_at":null,"voided_at":"2026-12-04T15:26:10Z"}', '2026-12-04 15:26:10.527078+00', '2026-12-04 15:26:10.607+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b49d-77f5-9a5a-5094eefa98f7', 'live', 'invoice.created', '{"object":"invoice","id":"01a241a9-b49d-718d-a572-1c5e7b2df430","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-B-1","note":null,"originating_counterparty_id":"01a241a9-b338-7026-9a74-ecc432f4a14b","receiving_counterparty_id":"01a241a9-b305-7a8c-bc8b-6c8990cf3615","created_at":"2026-12-04T15:26:10Z","updated_at":"2026-12-04T15:26:10Z","paid_at":null,"voided_at":null}', '2026-12-04 15:26:10.589538+00', '2026-12-04 15:26:10.607+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b49d-7d60-b4cc-38677aca0ef3', 'live', 'invoice.created', '{"object":"invoice","id":"01a241a9-b49d-77c7-9545-8101ee8f8f55","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-B-2","note":null,"originating_counterparty_id":"01a241a9-b338-7026-9a74-ecc432f4a14b","receiving_counterparty_id":"01a241a9-b305-7a8c-bc8b-6c8990cf3615","created_at":"2026-12-04T15:26:10Z","updated_at":"2026-12-04T15:26:10Z","paid_at":null,"voided_at":null}', '2026-12-04 15:26:10.589538+00', '2026-12-04 15:26:10.607+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-b49d-7e45-97ea-f74ef6ae9de1', 'live', 'invoice.created', '{"object":"invoice","id":"01a241a9-b49d-77c7-9545-8101ee8f8f56","environment":"live","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"live-B-3","note":null,"originating_counterparty_id":"01a241a9-b338-7026-9a74-ecc432f4a14b","receiving_counterparty_id":"01a241a9-b305-7a8c-bc8b-6c8990cf3615","created_at":"2026-12-04T15:26:10Z","updated_at":"2026-12-04T15:26:10Z","paid_at":null,"voided_at":null}', '2026-12-04 15:26:10.589538+00', '2026-12-04 15:26:10.607+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-f2ba-7544-9602-e80eac24586e', 'test', 'invoice.created', '{"object":"invoice","id":"01a241a9-f2ba-74c7-8193-41426ceab928","environment":"test","status":"open","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-LATE","note":null,"originating_counterparty_id":"01a241a9-af90-7b7b-95f0-46eb10a64ac2","receiving_counterparty_id":"01a241a9-aef7-7438-a062-9736bb73402b","created_at":"2026-12-04T15:26:26Z","updated_at":"2026-12-04T15:26:26Z","paid_at":null,"voided_at":null}', '2026-12-04 15:26:26.490884+00', '2026-12-04 15:26:27.514+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241a9-f824-7cd4-a2a0-157b60d66e33', 'test', 'invoice.paid', '{"object":"invoice","id":"01a241a9-f2ba-74c7-8193-41426ceab928","environment":"test","status":"paid","amount_cents":12500,"discount_amount_cents":500,"amount_due_cents":12000,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"test-INV-LATE","note":null,"originating_counterparty_id":"01a241a9-af90-7b7b-95f0-46eb10a64ac2","receiving_counterparty_id":"01a241a9-aef7-7438-a062-9736bb73402b","created_at":"2026-12-04T15:26:26Z","updated_at":"2026-12-04T15:26:27Z","paid_at":"2026-12-04T15:26:27Z","voided_at":null}', '2026-12-04 15:26:27.876397+00', '2026-12-04 15:26:28.268+00');
INSERT INTO public.events (id, environment, type, data, created_at, dispatched_at) VALUES ('01a241aa-9000-7b62-a15f-fff692cd6f40', 'test', 'counterparty.created', '{"object":"counterparty","id":"01a241aa-9000-7b62-a15f-fff692cd6f3f","environment":"test","name":"Undispatched","email":null,"created_at":"2026-12-04T15:27:06Z"}', '2026-12-04 15:27:06.752065+00', '2026-12-04 15:27:07.268+00');


--
-- Data for Name: idempotency_keys; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.idempotency_keys (id, environment, key, request_method, request_path, request_hash, lock_token, locked_at, created_at, completed_at, response_status, response_content_type, response_location, response_body) VALUES ('01a241a9-aea0-722d-ae4c-e7a43a8af625', 'test', 'legacy-test-counterparty', 'POST', '/v1/counterparties', '974a092c084c4e4f78ff4c45b1b6ef51e2a61c8a07ac7cda40b81d751b3f5e39', NULL, NULL, '2026-12-04 15:26:09.056078+00', '2026-12-04 15:26:09.218022+00', 201, 'application/json; charset=utf-8', '/v1/counterparties/01a241a9-aef7-7438-a062-9736bb73402b', '\x32397338e094c95c63bbccbdae394423cb7c1690c96211836b6061396004af21482b4865ba8b831a627fb46eefcfb6fc4e0e6d3be39ffe1bb493d26c08f39d769391c58fd5dd1c8bf73d38212122a92858af24aa5caa9689b4b6926e1d0a62513cc793ba94689a17493222ad884955351f308a22aa1a305b6ea27a99eb7f0f94df5d357d12c8f714b365b2495533d27967e3aad35f4225969bd613b8c66ac421794b153cfa56291d5e51a21721a4af9a1d22fcd0083bdcf10ca4ba501fe97ac323ef21c78ff6d4d9da03c06bb3ad329128d9d7bbde08');
INSERT INTO public.idempotency_keys (id, environment, key, request_method, request_path, request_hash, lock_token, locked_at, created_at, completed_at, response_status, response_content_type, response_location, response_body) VALUES ('01a241a9-afc3-7cae-80b8-0311d680b752', 'test', 'legacy-test-invoice', 'POST', '/v1/invoices', '042afba7ce42cf31c2941bb848cad283fd2b3683d07a0b81664ee46ed722dd81', NULL, NULL, '2026-12-04 15:26:09.347594+00', '2026-12-04 15:26:09.657025+00', 201, 'application/json; charset=utf-8', '/v1/invoices/01a241a9-b08b-7e30-a736-3d893cbfcd84', '\x53fdf4ffdf597f6673da01a9f9320c1daff270366abb0b8689723222b17e7c7285ef17bcae0db36ea7e42bfe600c886ae3ff68354f38bbf0d056e3010c449c270ade3bfa6d83baf793e34c3bdb88875d5d0ebcd36813fc629e66bca3b84477840e88aa911e6e8d22fdec994b0b95f622811d2a6909ead56b3575df30f5b930f1aa2afbca5e711b63c6a55fee32f9f54c74f59eccd999a0dc8c1fb0caa886e84466a18f28e1cdb01968af087c38b61456c1caf0933ae464d1b835200ce3fa3e39daa95297b6dd076def09966e6c66a0339c18a4eaa3eb6f76428f39eada1b595cf923e7a5302536b749e6acebf9c6d29945d85fa3b7caac32f6f05fb9a486862ce9d37a825e34945c9cf30ab281c0aed862c2a1d94aa490b61a5860a1aaaaaa5d07aed432d081680b86e76b8d5c618805877a972784f035b31066687548289251fd6d5891b5c75729809c6a27cfe669d5b98def12f5b1d93d5f0b848d3d7603a16909d041f32fe968d7b401726562ba06616e40319a5b513dd9fd4731f2686a7b5cd4497bbe4e43b45fbae63b7a97fd75cbde7b9865c68298119dfcf098e0e0d2e7f8261f513050555640121cc0bc0fa4381bbfa89b5e0834507a47d07b7b03dabc260a941fea37f968f1b56553e9fb2a4b23e491badc87df128f74927637ce9dfaf98d6b93196322ac5482e314f3cd64d039e8cdb92045d1175a3194e3c11b854dd7f0132ea2860a1347c5369106e430a9b464d3b9582b0024664995d5507030f8206072134e34be745cd859574a81cad01190c8ab6b27e2d09fcbc0fced9411c5fd4a3130ca48892ccc43e241988dc757');
INSERT INTO public.idempotency_keys (id, environment, key, request_method, request_path, request_hash, lock_token, locked_at, created_at, completed_at, response_status, response_content_type, response_location, response_body) VALUES ('01a241a9-b2fb-7015-b490-79927723b8e8', 'live', 'legacy-live-counterparty', 'POST', '/v1/counterparties', '974a092c084c4e4f78ff4c45b1b6ef51e2a61c8a07ac7cda40b81d751b3f5e39', NULL, NULL, '2026-12-04 15:26:10.171618+00', '2026-12-04 15:26:10.184389+00', 201, 'application/json; charset=utf-8', '/v1/counterparties/01a241a9-b305-7a8c-bc8b-6c8990cf3615', '\x51417212f13a0e9e4015a3bcfdc63f8ec26c053d87699fc07152247dfb9275ef1a51460ca135fb81d3a011858f1125e96064a9492398f5373115ddbfdc3122dc0d36e21c34049291f6b5320d7c7fb0dd74948c9b8996caf5fa3a30751749dfc4356f3a63f19f89c1d0dc445f20248b4fc92d9ec139e53d5c90d1e6afbde50991bff0922ab3906e532a1b31eda8342bbe736aa82dae213ff62e254d318457dff429f537ecaa4263a6aba3ac54b814878760faddd066cfb846b256da7e802c2efbf4b0b9ebd3e2d458e82ca28f53d36bd6936973d9b3fb');
INSERT INTO public.idempotency_keys (id, environment, key, request_method, request_path, request_hash, lock_token, locked_at, created_at, completed_at, response_status, response_content_type, response_location, response_body) VALUES ('01a241a9-b39d-7ef7-b806-33d0184f6fd3', 'live', 'legacy-live-invoice', 'POST', '/v1/invoices', '46aa3aa56808d40a2b4bef27c3873373f7ef8bd86c0e7bb3d62c1cdda1b8fbec', NULL, NULL, '2026-12-04 15:26:10.333906+00', '2026-12-04 15:26:10.347561+00', 201, 'application/json; charset=utf-8', '/v1/invoices/01a241a9-b3a6-7f6c-a26a-05935b73865a', '\x6af9efc2de1663190715a8dcb167d4851da736a2f401b7c9e6a63ede0f2bad880601825e5d567da04af38f168f37c0862eee0b9a997d8bc0d66c630694f2e0f5531960f9b6e35a2aa474f7bbe12a3db697f5370d3f5e9ba446abfa0d3596a9afbc33088c796a7d20a858834914da716c3f9e29151c6d00cc0b1d49c12ca1c79836d979c02f8fd011df7c6c586dfdacbb8980a9385cdd753c15473b1a605422f72ff79fd0bc93383a1eae1345bc64b55744b8955caa1086bd67ebe8ca8d18586f1e1689d4b5d0e4a743cd757976af00af4879e90e149ef33dad3961ce125cbe4506da85250576858cd44c9c305261bfe9ff65405dcb917f42acec18d2895ee1fd16c43f78c1c365183c4a3ff05b1f2c5e2173310920487c9c1251312c04be33ac417f08052be4fe9ec6dcaf37beb7b8aae27f668bc70aeb45b2692f3ba80d1e12423e2843e471a2dd74fbdb2e538437dfc5d9f8d2ec197180798816a0017ba45c1becf57888f19f3e090b552a12a833552205df0856e2f0c7163a01b19d877a7ffba790cf3d3660b3748db8d8a49a187982db0d4be5ce51740095ffed27d1acaac824bd1282ee06409817f1ca7468b4171dc3d8377718b637fc6b687e17f37c1e63867250c8178032abe01f3fbf397c00f7f4b2f6ed5d23df18e3586440b9d6e0a403af205188531003a92a05fe67d7c7b8eed949ad45d6fff89a6df39517e72d588c79705be6fd78fe516258472abed6202aa8639440aabcb8f32d929a6fa07f7cf0240202ba3bf5dd1bfd5566b65bef753627881062309d7620ac2d049814dcfd7adc239769c9cfbc9b218c01a54685b6');


--
-- Data for Name: invoices; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241a9-b08b-7e30-a736-3d893cbfcd84', 'test', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-INV-OPEN', 'Zahlbar in 30 Tagen — danke!', '01a241a9-aef7-7438-a062-9736bb73402b', '01a241a9-af90-7b7b-95f0-46eb10a64ac2', '2026-12-04 15:26:09.54717+00', '2026-12-04 15:26:09.54717+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241a9-b150-712a-b227-72ccaebfd43b', 'test', 'paid', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-INV-PAID', NULL, '01a241a9-aef7-7438-a062-9736bb73402b', '01a241a9-af90-7b7b-95f0-46eb10a64ac2', '2026-12-04 15:26:09.744699+00', '2026-12-04 15:26:09.8875+00', '2026-12-04 15:26:09.8875+00', NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241a9-b1a5-7fb3-b67c-32e7cacc6299', 'test', 'void', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-inv-paid', NULL, '01a241a9-aef7-7438-a062-9736bb73402b', '01a241a9-af90-7b7b-95f0-46eb10a64ac2', '2026-12-04 15:26:09.829813+00', '2026-12-04 15:26:09.957182+00', NULL, '2026-12-04 15:26:09.957182+00');
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241a9-b2ab-7287-94d0-f26a0346d346', 'test', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-B-1', NULL, '01a241a9-af90-7b7b-95f0-46eb10a64ac2', '01a241a9-aef7-7438-a062-9736bb73402b', '2026-12-04 15:26:10.091271+00', '2026-12-04 15:26:10.091271+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241a9-b2ab-78da-9a6e-d0dfb14ceb3f', 'test', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-B-2', NULL, '01a241a9-af90-7b7b-95f0-46eb10a64ac2', '01a241a9-aef7-7438-a062-9736bb73402b', '2026-12-04 15:26:10.091271+00', '2026-12-04 15:26:10.091271+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241a9-b2ab-78da-9a6e-d0dfb14ceb40', 'test', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-B-3', NULL, '01a241a9-af90-7b7b-95f0-46eb10a64ac2', '01a241a9-aef7-7438-a062-9736bb73402b', '2026-12-04 15:26:10.091271+00', '2026-12-04 15:26:10.091271+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241a9-b3a6-7f6c-a26a-05935b73865a', 'live', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'live-INV-OPEN', 'Zahlbar in 30 Tagen — danke!', '01a241a9-b305-7a8c-bc8b-6c8990cf3615', '01a241a9-b338-7026-9a74-ecc432f4a14b', '2026-12-04 15:26:10.342896+00', '2026-12-04 15:26:10.342896+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241a9-b3ec-706d-99e7-2a83e022e310', 'live', 'paid', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'live-INV-PAID', NULL, '01a241a9-b305-7a8c-bc8b-6c8990cf3615', '01a241a9-b338-7026-9a74-ecc432f4a14b', '2026-12-04 15:26:10.412932+00', '2026-12-04 15:26:10.496379+00', '2026-12-04 15:26:10.496379+00', NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241a9-b420-77e8-8b9d-7393dcd37e3f', 'live', 'void', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'live-inv-paid', NULL, '01a241a9-b305-7a8c-bc8b-6c8990cf3615', '01a241a9-b338-7026-9a74-ecc432f4a14b', '2026-12-04 15:26:10.464557+00', '2026-12-04 15:26:10.527078+00', NULL, '2026-12-04 15:26:10.527078+00');
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241a9-b49d-718d-a572-1c5e7b2df430', 'live', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'live-B-1', NULL, '01a241a9-b338-7026-9a74-ecc432f4a14b', '01a241a9-b305-7a8c-bc8b-6c8990cf3615', '2026-12-04 15:26:10.589538+00', '2026-12-04 15:26:10.589538+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241a9-b49d-77c7-9545-8101ee8f8f55', 'live', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'live-B-2', NULL, '01a241a9-b338-7026-9a74-ecc432f4a14b', '01a241a9-b305-7a8c-bc8b-6c8990cf3615', '2026-12-04 15:26:10.589538+00', '2026-12-04 15:26:10.589538+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241a9-b49d-77c7-9545-8101ee8f8f56', 'live', 'open', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'live-B-3', NULL, '01a241a9-b338-7026-9a74-ecc432f4a14b', '01a241a9-b305-7a8c-bc8b-6c8990cf3615', '2026-12-04 15:26:10.589538+00', '2026-12-04 15:26:10.589538+00', NULL, NULL);
INSERT INTO public.invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at) VALUES ('01a241a9-f2ba-74c7-8193-41426ceab928', 'test', 'paid', 12500, 500, 'eur', '2026-11-01', '2026-12-01', 'test-INV-LATE', NULL, '01a241a9-af90-7b7b-95f0-46eb10a64ac2', '01a241a9-aef7-7438-a062-9736bb73402b', '2026-12-04 15:26:26.490884+00', '2026-12-04 15:26:27.876397+00', '2026-12-04 15:26:27.876397+00', NULL);


--
-- Data for Name: webhook_deliveries; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-aef7-753f-ab23-8c93f377b618', '01a241a9-aef7-7673-ae4e-1708c08e8dca', '01a241a9-adef-76d4-9d82-b92cdc57be58', 'delivered', 1, '2026-12-04 15:26:09.743184+00', '2026-12-04 15:26:09.143501+00', '2026-12-04 15:26:09.743184+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-af90-7237-8acb-ce4f9eb3c2e5', '01a241a9-af90-7b7b-95f0-46eb10a64ac3', '01a241a9-adef-76d4-9d82-b92cdc57be58', 'delivered', 1, '2026-12-04 15:26:09.812987+00', '2026-12-04 15:26:09.296453+00', '2026-12-04 15:26:09.812987+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-b08b-7dec-8382-719e7ecf32dc', '01a241a9-b08b-7e30-a736-3d893cbfcd85', '01a241a9-adef-76d4-9d82-b92cdc57be58', 'delivered', 1, '2026-12-04 15:26:10.079457+00', '2026-12-04 15:26:09.54717+00', '2026-12-04 15:26:10.079457+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-b150-7374-8cc4-ece932bed991', '01a241a9-b150-7974-86a9-0bf82cd037ae', '01a241a9-adef-76d4-9d82-b92cdc57be58', 'delivered', 1, '2026-12-04 15:26:10.087284+00', '2026-12-04 15:26:09.744699+00', '2026-12-04 15:26:10.087284+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-b1a5-7c9e-98e5-a314a935e1c0', '01a241a9-b1a5-7fb3-b67c-32e7cacc629a', '01a241a9-adef-76d4-9d82-b92cdc57be58', 'delivered', 1, '2026-12-04 15:26:10.097136+00', '2026-12-04 15:26:09.829813+00', '2026-12-04 15:26:10.097136+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-b1df-72f6-90e5-7d799df3de5d', '01a241a9-b1df-7662-9b2f-071da3f18bd8', '01a241a9-adef-76d4-9d82-b92cdc57be58', 'delivered', 1, '2026-12-04 15:26:10.109116+00', '2026-12-04 15:26:09.8875+00', '2026-12-04 15:26:10.109116+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-b225-7df2-880a-f5aacf7a2f0e', '01a241a9-b225-7052-b496-5681998d111f', '01a241a9-adef-76d4-9d82-b92cdc57be58', 'delivered', 1, '2026-12-04 15:26:10.116409+00', '2026-12-04 15:26:09.957182+00', '2026-12-04 15:26:10.116409+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-b2ab-71c3-a25f-6cf257a6a7c0', '01a241a9-b2ab-78da-9a6e-d0dfb14ceb41', '01a241a9-adef-76d4-9d82-b92cdc57be58', 'delivered', 1, '2026-12-04 15:26:10.360394+00', '2026-12-04 15:26:10.091271+00', '2026-12-04 15:26:10.360394+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-b2ab-74af-9811-c5959c7b4c8b', '01a241a9-b2ab-78da-9a6e-d0dfb14ceb42', '01a241a9-adef-76d4-9d82-b92cdc57be58', 'delivered', 1, '2026-12-04 15:26:10.373912+00', '2026-12-04 15:26:10.091271+00', '2026-12-04 15:26:10.373912+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-b2ab-7355-8d06-20a7bb5a2ba3', '01a241a9-b2ab-7eea-9acf-bef7f420d99b', '01a241a9-adef-76d4-9d82-b92cdc57be58', 'delivered', 1, '2026-12-04 15:26:10.394436+00', '2026-12-04 15:26:10.091271+00', '2026-12-04 15:26:10.394436+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-b1df-7f8e-b323-d3336467d295', '01a241a9-b1df-7662-9b2f-071da3f18bd8', '01a241a9-ae6b-7736-8c6b-b269eaed2f3a', 'failed', 3, '2026-12-04 15:26:12.151116+00', '2026-12-04 15:26:09.8875+00', '2026-12-04 15:26:12.151116+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-b225-7467-95e3-d113e58b55d6', '01a241a9-b225-7052-b496-5681998d111f', '01a241a9-ae6b-7736-8c6b-b269eaed2f3a', 'failed', 3, '2026-12-04 15:26:12.78942+00', '2026-12-04 15:26:09.957182+00', '2026-12-04 15:26:12.78942+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-f2ba-7e78-864e-3138f5d3c6d3', '01a241a9-f2ba-7544-9602-e80eac24586e', '01a241a9-adef-76d4-9d82-b92cdc57be58', 'delivered', 1, '2026-12-04 15:26:28.627173+00', '2026-12-04 15:26:26.490884+00', '2026-12-04 15:26:28.627173+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-f824-79cb-a1d7-1f302fb2c2b4', '01a241a9-f824-7cd4-a2a0-157b60d66e33', '01a241a9-adef-76d4-9d82-b92cdc57be58', 'delivered', 3, '2026-12-04 15:26:30.859092+00', '2026-12-04 15:26:27.876397+00', '2026-12-04 15:26:30.859092+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241a9-f824-79c5-b2a4-785b1140628e', '01a241a9-f824-7cd4-a2a0-157b60d66e33', '01a241a9-ae6b-7736-8c6b-b269eaed2f3a', 'failed', 3, '2026-12-04 15:26:31.122698+00', '2026-12-04 15:26:27.876397+00', '2026-12-04 15:26:31.122698+00');
INSERT INTO public.webhook_deliveries (id, event_id, webhook_endpoint_id, status, attempt_count, next_attempt_at, created_at, completed_at) VALUES ('01a241aa-9000-7abf-80f7-acf4b400778d', '01a241aa-9000-7b62-a15f-fff692cd6f40', '01a241a9-adef-76d4-9d82-b92cdc57be58', 'pending', 0, '2026-12-04 15:32:07.298+00', '2026-12-04 15:27:06.752065+00', NULL);


--
-- Data for Name: webhook_delivery_attempts; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b0d9-7cd2-b6f5-af0ef2d04fc0', '01a241a9-aef7-753f-ab23-8c93f377b618', '2026-12-04 15:26:09.625034+00', 200, 110, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b106-73a0-bc69-273ecc05e2fe', '01a241a9-af90-7237-8acb-ce4f9eb3c2e5', '2026-12-04 15:26:09.67052+00', 200, 65, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b282-747f-9458-37fd3b1d76ad', '01a241a9-b08b-7dec-8382-719e7ecf32dc', '2026-12-04 15:26:10.050971+00', 200, 28, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b286-74d5-ac9c-cfffd35d0341', '01a241a9-b150-7374-8cc4-ece932bed991', '2026-12-04 15:26:10.054755+00', 200, 17, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b287-7ae1-894a-b613c647dcc4', '01a241a9-b1a5-7c9e-98e5-a314a935e1c0', '2026-12-04 15:26:10.055176+00', 200, 15, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b287-761d-953b-437e0abe3cb3', '01a241a9-b1df-7f8e-b323-d3336467d295', '2026-12-04 15:26:10.055319+00', 500, 12, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b287-7060-b278-14a806354e6f', '01a241a9-b1df-72f6-90e5-7d799df3de5d', '2026-12-04 15:26:10.055369+00', 200, 8, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b287-773a-8b5e-8febe4384a5a', '01a241a9-b225-7467-95e3-d113e58b55d6', '2026-12-04 15:26:10.055424+00', 500, 3, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b287-7469-9a44-413ee470f545', '01a241a9-b225-7df2-880a-f5aacf7a2f0e', '2026-12-04 15:26:10.05546+00', 200, 6, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b3b0-77f2-b290-7964ecfb01a2', '01a241a9-b2ab-71c3-a25f-6cf257a6a7c0', '2026-12-04 15:26:10.352959+00', 200, 7, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b3b2-7f67-97bb-b19f1831b09c', '01a241a9-b2ab-74af-9811-c5959c7b4c8b', '2026-12-04 15:26:10.354064+00', 200, 4, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b3b2-788a-8432-ae61e684599a', '01a241a9-b2ab-7355-8d06-20a7bb5a2ba3', '2026-12-04 15:26:10.35442+00', 200, 3, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b66a-71e6-bbfb-11601c11d186', '01a241a9-b1df-7f8e-b323-d3336467d295', '2026-12-04 15:26:11.050579+00', 500, 18, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-b66b-7e96-ab2e-268346846ae4', '01a241a9-b225-7467-95e3-d113e58b55d6', '2026-12-04 15:26:11.051699+00', 500, 17, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-bab2-773d-b8c5-d2ba1ab4b024', '01a241a9-b1df-7f8e-b323-d3336467d295', '2026-12-04 15:26:12.146827+00', 500, 4, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-bd2f-719f-83bb-d11d0b8c5139', '01a241a9-b225-7467-95e3-d113e58b55d6', '2026-12-04 15:26:12.783081+00', 500, 6, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-fa1e-7771-8a64-7fe1e73388d7', '01a241a9-f824-79c5-b2a4-785b1140628e', '2026-12-04 15:26:28.382891+00', 500, 19, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-fa21-7cd6-9e66-81d6cd0d67f0', '01a241a9-f824-79cb-a1d7-1f302fb2c2b4', '2026-12-04 15:26:28.385063+00', NULL, 35, NULL, 'An error occurred while sending the request.');
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-f995-7099-8062-1e12d817af44', '01a241a9-f2ba-7e78-864e-3138f5d3c6d3', '2026-12-04 15:26:28.245668+00', 200, 358, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-fe11-7905-a20a-e69681dd619b', '01a241a9-f824-79c5-b2a4-785b1140628e', '2026-12-04 15:26:29.393331+00', 500, 16, 'no', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241a9-fe1c-7479-a027-95192a35f679', '01a241a9-f824-79cb-a1d7-1f302fb2c2b4', '2026-12-04 15:26:29.404371+00', NULL, 6, NULL, 'An error occurred while sending the request.');
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241aa-03bf-7ec5-9261-5be1bbf59cc2', '01a241a9-f824-79cb-a1d7-1f302fb2c2b4', '2026-12-04 15:26:30.847687+00', 200, 11, 'ok', NULL);
INSERT INTO public.webhook_delivery_attempts (id, webhook_delivery_id, attempted_at, response_status, duration_ms, response_body, error) VALUES ('01a241aa-04ca-7156-bf3f-cf0d0c9e9a6d', '01a241a9-f824-79c5-b2a4-785b1140628e', '2026-12-04 15:26:31.1144+00', 500, 8, 'no', NULL);


--
-- Data for Name: webhook_endpoints; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.webhook_endpoints (id, environment, url, enabled_events, protected_secret, created_at) VALUES ('01a241a9-adef-76d4-9d82-b92cdc57be58', 'test', 'http://127.0.0.1:54421/ok', '*', 'v1.YSyDINe9MRILfpehgstQLSJavYNNM8Hq0IirJ22zO3074UQTVwaWmzapoOu0MxOdZ/74aj4y/iuDcqtnfunbeNGK', '2026-12-04 15:26:08.87952+00');
INSERT INTO public.webhook_endpoints (id, environment, url, enabled_events, protected_secret, created_at) VALUES ('01a241a9-ae6b-7736-8c6b-b269eaed2f3a', 'test', 'http://127.0.0.1:54421/fail', 'invoice.paid invoice.voided', 'v1.F+kGUdcNd9n9PYMKoynkDmugQ7byGsQ72u5gtQCHZXWzTkAzw86hdk52fSSjOlPvOypOvMBXtlj5Pe4c0hnL9qic', '2026-12-04 15:26:09.003374+00');


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


