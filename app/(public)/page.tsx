import Link from "next/link";
import { buttonClass } from "@/app/_components/button-styles";

export default function LandingPage() {
  return (
    <div className="space-y-10">
      <section className="max-w-3xl space-y-4">
        <h1 className="text-4xl font-bold">A confidential place to work things out with your peers</h1>
        <p className="text-xl">
          Roundtable is an online community of practice for council managers, officers and
          councillors. Share what has worked, ask colleagues for help, and develop documents
          together, in communities that only their members can read.
        </p>
        <div className="flex flex-wrap gap-4">
          <Link href="/sign-up" className={`${buttonClass("primary")}`}>
            Create an account
          </Link>
          <Link href="/sign-in" className={`${buttonClass("secondary")}`}>
            Sign in
          </Link>
        </div>
      </section>
      <section aria-labelledby="how-heading" className="grid gap-6 md:grid-cols-3">
        <h2 id="how-heading" className="sr-only">
          How it works
        </h2>
        <div>
          <h3 className="text-lg font-bold">Communities you trust</h3>
          <p>
            Open communities anyone can join, restricted ones you ask to join, and private ones by
            invitation only. Sub-communities are never more open than the community they sit in.
          </p>
        </div>
        <div>
          <h3 className="text-lg font-bold">Ask, answer, share</h3>
          <p>
            Post a problem and mark the answer that helped. Set out an opinion. Keep momentum
            between the meetings your group holds in person.
          </p>
        </div>
        <div>
          <h3 className="text-lg font-bold">Run by facilitators</h3>
          <p>
            Each community is looked after by its own facilitators, who welcome members, answer
            requests to join and keep conversations useful.
          </p>
        </div>
      </section>
    </div>
  );
}
