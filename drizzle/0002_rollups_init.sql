CREATE TABLE "contact_facts" (
	"channel" text NOT NULL,
	"contact_id" text NOT NULL,
	"province" text,
	"issue_type" text,
	"first_at" timestamp with time zone,
	"last_at" timestamp with time zone,
	"chat_contact" text,
	"chat_started_at" timestamp with time zone,
	"chat_ended_at" timestamp with time zone,
	"facts" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_facts_channel_contact_id_pk" PRIMARY KEY("channel","contact_id")
);
--> statement-breakpoint
CREATE TABLE "rollup_cells" (
	"grain" text NOT NULL,
	"start" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"province" text NOT NULL,
	"issue_type" text NOT NULL,
	"channel" text NOT NULL,
	"queue" text NOT NULL,
	"answered" bigint DEFAULT 0 NOT NULL,
	"answered_within_threshold" bigint DEFAULT 0 NOT NULL,
	"abandoned" bigint DEFAULT 0 NOT NULL,
	"short_abandons" bigint DEFAULT 0 NOT NULL,
	"exited" bigint DEFAULT 0 NOT NULL,
	"answered_wait_ms" bigint DEFAULT 0 NOT NULL,
	"answered_wait_count" bigint DEFAULT 0 NOT NULL,
	"handle_ms" bigint DEFAULT 0 NOT NULL,
	"handle_count" bigint DEFAULT 0 NOT NULL,
	"handle_with_hold_or_wrap_up" bigint DEFAULT 0 NOT NULL,
	"sessions" bigint DEFAULT 0 NOT NULL,
	"hand_offs" bigint DEFAULT 0 NOT NULL,
	"bot_sessions_ended" bigint DEFAULT 0 NOT NULL,
	"bot_contained" bigint DEFAULT 0 NOT NULL,
	"first_response_ms" bigint DEFAULT 0 NOT NULL,
	"first_response_count" bigint DEFAULT 0 NOT NULL,
	"missed" bigint DEFAULT 0 NOT NULL,
	"cases_opened" bigint DEFAULT 0 NOT NULL,
	"cases_opened_as_ticket" bigint DEFAULT 0 NOT NULL,
	"cases_resolved" bigint DEFAULT 0 NOT NULL,
	"first_response_met_in_time" bigint DEFAULT 0 NOT NULL,
	"first_response_fell_due" bigint DEFAULT 0 NOT NULL,
	"resolution_met_in_time" bigint DEFAULT 0 NOT NULL,
	"resolution_fell_due" bigint DEFAULT 0 NOT NULL,
	"frt_ms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "rollup_cells_grain_start_province_issue_type_channel_queue_pk" PRIMARY KEY("grain","start","province","issue_type","channel","queue")
);
--> statement-breakpoint
CREATE TABLE "rollup_state" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "contact_facts_span_idx" ON "contact_facts" USING btree ("first_at","last_at");--> statement-breakpoint
CREATE INDEX "contact_facts_chat_idx" ON "contact_facts" USING btree ("chat_contact");--> statement-breakpoint
CREATE INDEX "rollup_cells_day_idx" ON "rollup_cells" USING btree ("grain","day");