-- When a member's next digest is due: 07:00 UK time the next day (daily) or the next Monday
-- (weekly), strictly after the given moment. The digest run's cursor is this column.
CREATE OR REPLACE FUNCTION next_digest_at(frequency digest_frequency, after timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT CASE frequency
    WHEN 'daily' THEN (
      SELECT CASE WHEN slot > (after AT TIME ZONE 'Europe/London') THEN slot ELSE slot + interval '1 day' END AT TIME ZONE 'Europe/London'
      FROM (SELECT date_trunc('day', after AT TIME ZONE 'Europe/London') + interval '7 hours' AS slot) s)
    WHEN 'weekly' THEN (
      SELECT CASE WHEN slot > (after AT TIME ZONE 'Europe/London') THEN slot ELSE slot + interval '7 days' END AT TIME ZONE 'Europe/London'
      FROM (SELECT date_trunc('week', after AT TIME ZONE 'Europe/London') + interval '7 hours' AS slot) s)
  END
$$;
--> statement-breakpoint
-- Every account has digest settings: a weekly digest unless the member changes it.
CREATE OR REPLACE FUNCTION add_digest_settings() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO digest_settings (user_id, frequency, next_digest_at)
  VALUES (NEW.id, 'weekly', next_digest_at('weekly', now()))
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_digest_settings AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION add_digest_settings();
--> statement-breakpoint
INSERT INTO digest_settings (user_id, frequency, next_digest_at)
SELECT id, 'weekly', next_digest_at('weekly', now()) FROM users
ON CONFLICT DO NOTHING;
