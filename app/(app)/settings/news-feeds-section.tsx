import { resetNewsFeedAction, stopNewsFeedsAction } from "@/app/_actions/news-feeds";
import { ActionForm } from "@/app/_components/form";
import type { newsFeedAddresses } from "@/lib/feeds/key";

type Addresses = Awaited<ReturnType<typeof newsFeedAddresses>>;

/** The member's news feeds (RSS): one private address per community, and one per tag. */
export function NewsFeedsSection({ feeds }: { feeds: Addresses }) {
  return (
    <section aria-labelledby="news-feeds-heading" id="news-feeds" className="max-w-2xl space-y-3">
      <h2 id="news-feeds-heading" className="text-2xl font-bold">
        News feeds (RSS)
      </h2>
      <p>
        Follow your communities, or a tag, in a feed reader such as Outlook or Feedly. The addresses are private: anyone who has one can read what is in it, so
        keep them to yourself, and make new ones if they get out.
      </p>
      {feeds ? (
        <>
          <ul className="list-disc space-y-2 pl-6">
            {feeds.communities.map((c) => (
              <li key={c.url}>
                {c.name}: <code className="break-all">{c.url}</code>
              </li>
            ))}
          </ul>
          <p>
            For a tag, use <code className="break-all">{feeds.tagPattern}</code> with the tag at the end.
          </p>
          <ActionForm action={resetNewsFeedAction} submitLabel="Make new addresses (the old ones stop working)" kind="secondary" summary={false} idPrefix="news-feed" />
          <ActionForm action={stopNewsFeedsAction} submitLabel="Turn off my news feeds" kind="secondary" summary={false} idPrefix="news-feed-off" />
        </>
      ) : (
        <ActionForm action={resetNewsFeedAction} submitLabel="Make my news feed addresses" kind="secondary" summary={false} idPrefix="news-feed" />
      )}
    </section>
  );
}
