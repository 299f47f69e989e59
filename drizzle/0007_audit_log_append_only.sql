-- The audit log is append-only in the database too (issue 5 §6): the hash chain shows an
-- edit after the fact (`sigap audit verify`), this refuses one as it is tried. Someone who
-- can disable triggers (the database owner) can still edit; the chain is what catches that.
CREATE OR REPLACE FUNCTION sigap_audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION sigap_audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION sigap_audit_log_append_only();
