import { RadioGroup } from "@/app/_components/form";
import type { CommunityWatch } from "@/lib/notifications/watches";
import { watchLabels } from "@/lib/notifications/watches";

const levelOptions = Object.entries(watchLabels).map(([value, { label, hint }]) => ({ value, label, hint }));

/** The fields of one community's notification settings, for the community page and the settings page. */
export function WatchFields({ slug, watch }: { slug: string; watch: CommunityWatch }) {
  return (
    <>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="digestShown" value="1" />
      <RadioGroup name="level" legend="Tell me about" options={levelOptions} defaultValue={watch.level} />
      <div className="flex items-start gap-2">
        <input id={`in-digest-${slug}`} type="checkbox" name="inDigest" defaultChecked={watch.inDigest} className="mt-1.5 h-5 w-5 accent-brand" />
        <label htmlFor={`in-digest-${slug}`}>Include it in my digest</label>
      </div>
      <div className="flex items-start gap-2">
        <input id={`emails-${slug}`} type="checkbox" name="emails" defaultChecked={watch.emails} className="mt-1.5 h-5 w-5 accent-brand" />
        <label htmlFor={`emails-${slug}`}>Email me about it (otherwise only here on the site)</label>
      </div>
    </>
  );
}
