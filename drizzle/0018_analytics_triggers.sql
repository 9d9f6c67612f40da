-- Analytics and exact counters, kept by triggers in the transaction of every write.
--
-- What each counter counts:
--   communities.member_count  active memberships
--   communities.post_count    posts members can read: published, not hidden, not deleted
--   posts.comment_count       replies members can read on that post: not hidden, not deleted
-- Each moves only on a row's own change of state (OLD against NEW, under the row's lock), so
-- concurrent writes cannot make it drift, whichever code path made them.
--
-- Locks are taken in one order: the post or reply row, then its community, then the daily
-- row. Who took part (member_activity) is written when the transaction commits (a deferred
-- trigger), after every other lock, so it never waits in the middle of one.

CREATE FUNCTION roundtable_day(at timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (at AT TIME ZONE 'Europe/London')::date
$$;
--> statement-breakpoint

-- Adds `sign` to a community's count of a post, and its readable replies by day.
CREATE FUNCTION roundtable_count_post(community uuid, post uuid, created timestamptz, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE communities SET post_count = post_count + sign WHERE id = community;
  IF NOT FOUND THEN RETURN; END IF;
  INSERT INTO community_activity_daily AS d (community_id, day, posts, replies)
  VALUES (community, roundtable_day(created), sign, 0)
  ON CONFLICT (community_id, day) DO UPDATE SET posts = d.posts + excluded.posts;
  INSERT INTO community_activity_daily AS d (community_id, day, posts, replies)
  SELECT community, roundtable_day(c.created_at), 0, sign * count(*)::int
  FROM comments c WHERE c.post_id = post AND c.hidden_at IS NULL AND c.deleted_at IS NULL
  GROUP BY roundtable_day(c.created_at)
  ON CONFLICT (community_id, day) DO UPDATE SET replies = d.replies + excluded.replies;
END;
$$;
--> statement-breakpoint

CREATE FUNCTION roundtable_post_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_live boolean := false;
  is_live boolean := false;
  moved boolean := false;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    was_live := OLD.status = 'published' AND OLD.hidden_at IS NULL AND OLD.deleted_at IS NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    is_live := NEW.status = 'published' AND NEW.hidden_at IS NULL AND NEW.deleted_at IS NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    moved := OLD.community_id <> NEW.community_id;
    IF moved AND (was_live OR is_live) THEN
      -- Both communities, in one order, so that two opposite moves cannot deadlock.
      PERFORM 1 FROM communities WHERE id IN (OLD.community_id, NEW.community_id) ORDER BY id FOR NO KEY UPDATE;
    END IF;
  END IF;
  IF was_live AND (NOT is_live OR moved) THEN
    PERFORM roundtable_count_post(OLD.community_id, OLD.id, OLD.created_at, -1);
  END IF;
  IF is_live AND (NOT was_live OR moved) THEN
    PERFORM roundtable_count_post(NEW.community_id, NEW.id, NEW.created_at, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER posts_counted AFTER INSERT OR DELETE OR UPDATE OF status, hidden_at, deleted_at, community_id ON posts
  FOR EACH ROW EXECUTE FUNCTION roundtable_post_changed();
--> statement-breakpoint

CREATE FUNCTION roundtable_comment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_live boolean := false;
  is_live boolean := false;
  sign integer;
  row_post uuid;
  row_created timestamptz;
  post_community uuid;
  post_live boolean;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    was_live := OLD.hidden_at IS NULL AND OLD.deleted_at IS NULL;
    row_post := OLD.post_id;
    row_created := OLD.created_at;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    is_live := NEW.hidden_at IS NULL AND NEW.deleted_at IS NULL;
    row_post := NEW.post_id;
    row_created := NEW.created_at;
  END IF;
  IF was_live = is_live AND TG_OP <> 'INSERT' THEN RETURN NULL; END IF;
  sign := CASE WHEN is_live = was_live THEN 0 WHEN is_live THEN 1 ELSE -1 END;
  UPDATE posts p SET
    comment_count = p.comment_count + sign,
    first_reply_at = CASE
      WHEN TG_OP = 'INSERT' AND p.first_reply_at IS NULL AND NEW.author_id IS DISTINCT FROM p.author_id THEN NEW.created_at
      ELSE p.first_reply_at END
  WHERE p.id = row_post
  RETURNING p.community_id, (p.status = 'published' AND p.hidden_at IS NULL AND p.deleted_at IS NULL)
  INTO post_community, post_live;
  IF sign <> 0 AND post_live THEN
    PERFORM 1 FROM communities WHERE id = post_community FOR NO KEY UPDATE;
    INSERT INTO community_activity_daily AS d (community_id, day, posts, replies)
    VALUES (post_community, roundtable_day(row_created), 0, sign)
    ON CONFLICT (community_id, day) DO UPDATE SET replies = d.replies + excluded.replies;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER comments_counted AFTER INSERT OR DELETE OR UPDATE OF hidden_at, deleted_at ON comments
  FOR EACH ROW EXECUTE FUNCTION roundtable_comment_changed();
--> statement-breakpoint

CREATE FUNCTION roundtable_membership_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_active boolean := false;
  is_active boolean := false;
  community uuid;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    was_active := OLD.status = 'active';
    community := OLD.community_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    is_active := NEW.status = 'active';
    community := NEW.community_id;
  END IF;
  IF was_active = is_active THEN RETURN NULL; END IF;
  UPDATE communities SET member_count = member_count + CASE WHEN is_active THEN 1 ELSE -1 END WHERE id = community;
  -- A community being deleted takes its memberships with it: nothing to record.
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF is_active THEN
    INSERT INTO membership_events (community_id, change, kind, at) VALUES (community, 1, 'joined', coalesce(NEW.joined_at, now()));
  ELSE
    INSERT INTO membership_events (community_id, change, kind, at)
    VALUES (community, -1, CASE WHEN TG_OP = 'UPDATE' AND NEW.status = 'banned' THEN 'banned' ELSE 'left' END, now());
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER memberships_counted AFTER INSERT OR DELETE OR UPDATE OF status ON memberships
  FOR EACH ROW EXECUTE FUNCTION roundtable_membership_changed();
--> statement-breakpoint

-- Who took part: posts, replies and helpful marks, recorded at commit.
CREATE FUNCTION roundtable_record_activity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  community uuid;
  person uuid;
BEGIN
  IF TG_TABLE_NAME = 'posts' THEN
    community := NEW.community_id;
    person := NEW.author_id;
  ELSIF TG_TABLE_NAME = 'comments' THEN
    SELECT p.community_id INTO community FROM posts p WHERE p.id = NEW.post_id;
    person := NEW.author_id;
  ELSIF TG_TABLE_NAME = 'post_reactions' THEN
    SELECT p.community_id INTO community FROM posts p WHERE p.id = NEW.post_id;
    person := NEW.user_id;
  ELSE
    SELECT p.community_id INTO community FROM comments c JOIN posts p ON p.id = c.post_id WHERE c.id = NEW.comment_id;
    person := NEW.user_id;
  END IF;
  IF community IS NOT NULL AND person IS NOT NULL THEN
    INSERT INTO member_activity (community_id, user_id, day) VALUES (community, person, roundtable_day(NEW.created_at))
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE CONSTRAINT TRIGGER posts_activity AFTER INSERT ON posts DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION roundtable_record_activity();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER comments_activity AFTER INSERT ON comments DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION roundtable_record_activity();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER post_reactions_activity AFTER INSERT ON post_reactions DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION roundtable_record_activity();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER comment_reactions_activity AFTER INSERT ON comment_reactions DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION roundtable_record_activity();
--> statement-breakpoint

-- Recomputes every counter and rolled-up table from the rows themselves: the backfill for
-- existing data, the end of a bulk load with triggers off, and the scheduled repair. Returns
-- how many counters it had to correct (0 when everything was exact). Membership events are
-- written only where a community has none: history before this migration is its members'
-- join dates; nobody knows who left before it.
CREATE FUNCTION roundtable_recount() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  fixed integer := 0;
  n integer;
BEGIN
  UPDATE communities c SET member_count = x.n FROM (
    SELECT c2.id, (SELECT count(*) FROM memberships m WHERE m.community_id = c2.id AND m.status = 'active')::int AS n FROM communities c2
  ) x WHERE x.id = c.id AND c.member_count <> x.n;
  GET DIAGNOSTICS n = ROW_COUNT; fixed := fixed + n;
  UPDATE communities c SET post_count = x.n FROM (
    SELECT c2.id, (SELECT count(*) FROM posts p WHERE p.community_id = c2.id AND p.status = 'published' AND p.hidden_at IS NULL AND p.deleted_at IS NULL)::int AS n FROM communities c2
  ) x WHERE x.id = c.id AND c.post_count <> x.n;
  GET DIAGNOSTICS n = ROW_COUNT; fixed := fixed + n;
  UPDATE posts p SET comment_count = x.n FROM (
    SELECT p2.id, coalesce(r.n, 0) AS n FROM posts p2
    LEFT JOIN (SELECT post_id, count(*)::int AS n FROM comments WHERE hidden_at IS NULL AND deleted_at IS NULL GROUP BY post_id) r ON r.post_id = p2.id
  ) x WHERE x.id = p.id AND p.comment_count <> x.n;
  GET DIAGNOSTICS n = ROW_COUNT; fixed := fixed + n;
  UPDATE posts p SET first_reply_at = x.at FROM (
    SELECT c.post_id, min(c.created_at) AS at FROM comments c JOIN posts p2 ON p2.id = c.post_id
    WHERE c.author_id IS DISTINCT FROM p2.author_id GROUP BY c.post_id
  ) x WHERE x.post_id = p.id AND p.first_reply_at IS DISTINCT FROM x.at AND (p.first_reply_at IS NULL OR x.at < p.first_reply_at);
  -- The daily table, compared with the rows and corrected where it differs.
  CREATE TEMP TABLE roundtable_daily_truth ON COMMIT DROP AS
  SELECT community_id, day, sum(posts)::int AS posts, sum(replies)::int AS replies FROM (
    SELECT p.community_id, roundtable_day(p.created_at) AS day, count(*) AS posts, 0 AS replies FROM posts p
    WHERE p.status = 'published' AND p.hidden_at IS NULL AND p.deleted_at IS NULL GROUP BY 1, 2
    UNION ALL
    SELECT p.community_id, roundtable_day(c.created_at), 0, count(*) FROM comments c JOIN posts p ON p.id = c.post_id
    WHERE c.hidden_at IS NULL AND c.deleted_at IS NULL AND p.status = 'published' AND p.hidden_at IS NULL AND p.deleted_at IS NULL GROUP BY 1, 2
  ) t GROUP BY 1, 2;
  DELETE FROM community_activity_daily d WHERE NOT EXISTS (
    SELECT 1 FROM roundtable_daily_truth t WHERE t.community_id = d.community_id AND t.day = d.day
  ) AND (d.posts <> 0 OR d.replies <> 0);
  GET DIAGNOSTICS n = ROW_COUNT; fixed := fixed + n;
  INSERT INTO community_activity_daily AS d (community_id, day, posts, replies)
  SELECT community_id, day, posts, replies FROM roundtable_daily_truth
  ON CONFLICT (community_id, day) DO UPDATE SET posts = excluded.posts, replies = excluded.replies
  WHERE d.posts <> excluded.posts OR d.replies <> excluded.replies;
  GET DIAGNOSTICS n = ROW_COUNT; fixed := fixed + n;
  DROP TABLE roundtable_daily_truth;
  -- Who took part: facts only ever added.
  INSERT INTO member_activity (community_id, user_id, day)
  SELECT p.community_id, p.author_id, roundtable_day(p.created_at) FROM posts p WHERE p.author_id IS NOT NULL
  UNION
  SELECT p.community_id, c.author_id, roundtable_day(c.created_at) FROM comments c JOIN posts p ON p.id = c.post_id WHERE c.author_id IS NOT NULL
  UNION
  SELECT p.community_id, r.user_id, roundtable_day(r.created_at) FROM post_reactions r JOIN posts p ON p.id = r.post_id
  UNION
  SELECT p.community_id, r.user_id, roundtable_day(r.created_at) FROM comment_reactions r JOIN comments c ON c.id = r.comment_id JOIN posts p ON p.id = c.post_id
  ON CONFLICT DO NOTHING;
  INSERT INTO membership_events (community_id, change, kind, at)
  SELECT m.community_id, 1, 'joined', coalesce(m.joined_at, m.created_at) FROM memberships m
  WHERE m.status = 'active' AND NOT EXISTS (SELECT 1 FROM membership_events e WHERE e.community_id = m.community_id);
  RETURN fixed;
END;
$$;
--> statement-breakpoint

SELECT roundtable_recount();
