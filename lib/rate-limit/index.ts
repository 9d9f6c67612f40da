import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { env } from "@/lib/env";
import { tooManyRequests } from "@/lib/errors";

// Rate limits live in Postgres, because serverless instances share no memory. Each check is
// one atomic upsert, so concurrent requests are counted exactly: the row lock serialises them.
// Call them inside the write's transaction: if the write fails, the count rolls back with it.

export type Gate = { kind: "gate"; key: string; seconds: number; message: string };
export type Cap = { kind: "cap"; key: string; limit: number; windowSeconds: number; message: string };
export type Limit = Gate | Cap;

/** Throws a 429 with a plain message saying when to try again, if any limit is reached. */
export async function enforce(db: Db, limits: Limit[]): Promise<void> {
  if (env().RATE_LIMITS === "off") return;
  for (const limit of limits) {
    const wait = limit.kind === "gate" ? await passGate(db, limit) : await countHit(db, limit);
    if (wait > 0) throw tooManyRequests(`${limit.message} ${tryAgainIn(wait)}`, wait);
  }
}

/** At most one action per `seconds`. Returns the seconds to wait, or 0 when let through. */
async function passGate(db: Db, gate: Gate): Promise<number> {
  const [passed] = await selectRows<{ key: string }>(
    db,
    sql`insert into rate_limit_gates as g (key, next_allowed_at) values (${gate.key}, now() + make_interval(secs => ${gate.seconds}))
      on conflict (key) do update set next_allowed_at = excluded.next_allowed_at where g.next_allowed_at <= now()
      returning key`,
  );
  if (passed) return 0;
  const [row] = await selectRows<{ wait: number }>(
    db,
    sql`select ceil(extract(epoch from next_allowed_at - now()))::int as wait from rate_limit_gates where key = ${gate.key}`,
  );
  return Math.max(1, row?.wait ?? 1);
}

/**
 * At most `limit` actions in any window of `windowSeconds`, estimated from two fixed windows: the
 * previous window's hits count in proportion to how much of it still falls within the sliding
 * window. A burst either side of a boundary is counted together. Returns the seconds to wait, or 0.
 */
async function countHit(db: Db, cap: Cap): Promise<number> {
  const [row] = await selectRows<{ hits: number; previous: number; elapsed: number }>(
    db,
    sql`with hit as (
        insert into rate_limit_counters as c (key, window_start, hits)
        values (${cap.key}, to_timestamp(floor(extract(epoch from now()) / ${cap.windowSeconds}) * ${cap.windowSeconds}), 1)
        on conflict (key, window_start) do update set hits = c.hits + 1
        returning hits, window_start
      )
      select hit.hits, coalesce(prev.hits, 0)::int as previous, extract(epoch from now() - hit.window_start)::float8 as elapsed
      from hit left join rate_limit_counters prev
        on prev.key = ${cap.key} and prev.window_start = hit.window_start - make_interval(secs => ${cap.windowSeconds})`,
  );
  return row ? slidingWait(cap.limit, cap.windowSeconds, row) : 0;
}

/** Seconds until the sliding estimate lets one more action through, or 0 if this one is within the cap. */
export function slidingWait(limit: number, window: number, { hits, previous, elapsed }: { hits: number; previous: number; elapsed: number }): number {
  const estimate = hits + previous * (1 - elapsed / window);
  if (estimate <= limit) return 0;
  if (hits >= limit) {
    // Wait for the next window, then until this window's weight has fallen enough for one more.
    const intoNext = window * Math.max(0, 1 - (limit - 1) / hits);
    return Math.max(1, Math.ceil(window - elapsed + intoNext));
  }
  // Within this window: until the previous window's weight has fallen enough for one more.
  return Math.max(1, Math.ceil(window * (1 - (limit - hits - 1) / previous) - elapsed));
}

export function tryAgainIn(seconds: number): string {
  if (seconds < 90) return `Please wait ${seconds} second${seconds === 1 ? "" : "s"} and try again.`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `Please try again in ${minutes} minutes.`;
  return `Please try again in ${Math.ceil(minutes / 60)} hours.`;
}

/** Clears spent limits and says how many rows went. Run by the scheduled clean-up. */
export async function pruneRateLimits(db: Db): Promise<number> {
  const gates = await selectRows(db, sql`delete from rate_limit_gates where next_allowed_at < now() - interval '1 hour' returning 1`);
  const counters = await selectRows(db, sql`delete from rate_limit_counters where window_start < now() - interval '2 days' returning 1`);
  return gates.length + counters.length;
}
