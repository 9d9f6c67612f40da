import { unstable_cache } from "next/cache";

// A cache for the parts of pages that are the same for every reader, such as a community's
// feed. Only data with no viewer in it goes in, and the policy check always runs first, per
// request. Entries are keyed by the community's content version, which every change to what
// the feed shows bumps in its own transaction: a reader who sees the new version can never be
// served the old data, so a hidden post disappears at once, with no invalidation race.
// Outside the Next.js server (tests, scripts) it reads straight through.

const inNextServer = () => Boolean(process.env.NEXT_RUNTIME);

/** Reads through the shared cache for this version of the community's content. */
export async function sharedForCommunity<T>(
  community: { id: string; contentVersion: number },
  key: string[],
  load: () => Promise<T>,
): Promise<T> {
  if (!inNextServer()) return load();
  return unstable_cache(load, ["community", community.id, String(community.contentVersion), ...key], { revalidate: 300 })();
}
