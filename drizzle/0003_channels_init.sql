CREATE TABLE "chat_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"conversation" text NOT NULL,
	"seq" integer NOT NULL,
	"contact" text,
	"contact_masked" text,
	"bot" boolean NOT NULL,
	"status" text,
	"started_at" timestamp with time zone NOT NULL,
	"last_inbound_at" timestamp with time zone NOT NULL,
	"handed_off_at" timestamp with time zone,
	"first_reply_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dead_letters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"payload" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reprocessed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "whatsapp_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"session_id" text,
	"contact" text,
	"type" text,
	"status" text NOT NULL,
	"status_rank" smallint NOT NULL,
	"status_at" timestamp with time zone NOT NULL,
	"error_code" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cooperative_phones" (
	"cooperative_id" text NOT NULL,
	"phone" text NOT NULL,
	CONSTRAINT "cooperative_phones_cooperative_id_phone_pk" PRIMARY KEY("cooperative_id","phone")
);
--> statement-breakpoint
CREATE TABLE "cooperatives" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"legal_number" text,
	"village_code" text NOT NULL,
	"imported_from" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cooperative_phones" ADD CONSTRAINT "cooperative_phones_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperatives" ADD CONSTRAINT "cooperatives_village_code_villages_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."villages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chat_sessions_conversation_uq" ON "chat_sessions" USING btree ("channel","conversation","seq");--> statement-breakpoint
CREATE INDEX "chat_sessions_open_idx" ON "chat_sessions" USING btree ("channel","ended_at","last_inbound_at");--> statement-breakpoint
CREATE INDEX "dead_letters_received_idx" ON "dead_letters" USING btree ("source","received_at");--> statement-breakpoint
CREATE INDEX "whatsapp_messages_session_idx" ON "whatsapp_messages" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "cooperative_phones_phone_idx" ON "cooperative_phones" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "cooperatives_village_idx" ON "cooperatives" USING btree ("village_code");