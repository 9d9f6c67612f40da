-- JIT compilation is for long analytical queries. On the short, index-driven queries of this
-- app it only adds a few hundred milliseconds whenever the planner's estimate runs high.
-- Needs the database's owner; where that is not allowed, the setting is left alone.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN others THEN
  RAISE NOTICE 'jit left as it is: %', SQLERRM;
END
$$;
