CREATE TABLE "case_imports" (
	"source" text NOT NULL,
	"record_id" text NOT NULL,
	"case_id" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_imports_source_record_id_pk" PRIMARY KEY("source","record_id")
);
