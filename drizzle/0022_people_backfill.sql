-- Organisations typed before profiles had a list: one row per spelling key (the same folding
-- as organisationKey in lib/people/choices.ts), named by its most common spelling, and each
-- member's profile pointed at it. Their shown name becomes the organisation's.
CREATE TEMP TABLE typed_organisations AS
WITH typed AS (
  SELECT id AS user_id,
    regexp_replace(btrim(regexp_replace(organisation, '\s+', ' ', 'g')), '[\s.,;:]+$', '') AS name
  FROM users WHERE btrim(organisation) <> ''
), keyed AS (
  SELECT user_id, name,
    btrim(regexp_replace(regexp_replace(regexp_replace(replace(lower(name), '&', ' and '), '[''’]', '', 'g'), '[^[:alnum:][:space:]]', ' ', 'g'), '\s+', ' ', 'g')) AS key
  FROM typed
)
SELECT user_id, name, key FROM keyed WHERE key <> '';
--> statement-breakpoint
INSERT INTO organisations (name, key)
SELECT DISTINCT ON (key) name, key FROM (SELECT key, name, count(*) AS n FROM typed_organisations GROUP BY key, name) s
ORDER BY key, n DESC, name
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO profiles (user_id, organisation_id)
SELECT t.user_id, o.id FROM typed_organisations t JOIN organisations o ON o.key = t.key
ON CONFLICT (user_id) DO UPDATE SET organisation_id = excluded.organisation_id;
--> statement-breakpoint
UPDATE users u SET organisation = o.name FROM profiles p JOIN organisations o ON o.id = p.organisation_id
WHERE p.user_id = u.id AND u.organisation <> o.name;
--> statement-breakpoint
DROP TABLE typed_organisations;
