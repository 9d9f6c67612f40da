import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/env";
import { deletionGraceDays } from "@/lib/users/deletion";
import { SESSION_IDLE_DAYS } from "@/lib/users/sessions";

export const metadata: Metadata = { title: "Privacy notice" };

// Keep this true to what the app stores: a new table or column of personal data changes it.
const kept: [string, string, string][] = [
  ["Your account: name, email address, job title, organisation and short bio; whether you have confirmed your address; your role on the site", "To let you sign in, show members who you are, and keep communities to the people allowed in them", "Until your account is deleted"],
  ["Your password, stored only as a one-way hash (argon2id); we cannot read it", "To check it is you when you sign in", "Until you change it or your account is deleted"],
  ["Each signed-in device: the kind of browser and system (like “Firefox on Windows”), a shortened network address (like 203.0.113.0/24), and when it signed in and was last used", "So you can see where you are signed in and sign devices out, and so a signed-out device stays out", `Until you sign that device out, or ${SESSION_IDLE_DAYS} days after it was last used`],
  ["What you write: posts, replies, earlier versions of them, drafts, helpful marks, posts you follow, and when you last visited each community", "It is what the service is for; drafts so nothing you type is lost", "Until you delete it or your account; untouched drafts after 90 days"],
  ["Your memberships, requests to join (with any message), and invitations you send or receive (with the address they went to)", "To run communities: who may read what", "Until they end; open invitations expire after 14 days"],
  ["Reports you make, and actions facilitators and administrators take (the moderation log, with the name of whoever acted and of the member acted on)", "To keep communities safe and show who did what", "Reports until your account is deleted. Moderation log entries are never changed or removed"],
  ["Links we email you (to confirm your address, reset your password or change your address), stored only as a hash", "To prove the email is yours", "A day after they are used or expire"],
  ["Counts of recent attempts to sign in, sign up or send mail, by network and by a hash of the email address", "To stop people guessing passwords or sending mail to strangers through us", "Two days"],
  ["If you sign in with your organisation: the identifier and sign-in tokens it gives us", "To sign you in that way", "Until your account is deleted"],
];

export default function PrivacyPage() {
  const e = env();
  const controller = e.PRIVACY_CONTROLLER ?? "The organisation that runs this Roundtable site";
  return (
    <article className="max-w-3xl space-y-5">
      <h1 className="text-3xl font-bold">Privacy notice</h1>
      <p>
        This notice explains what Roundtable keeps about you, why, for how long, and what you can ask us to do. It is written
        for the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018.
      </p>
      <h2 className="text-2xl font-bold">Who is responsible</h2>
      <p>
        {controller} is the controller of your personal data on this site.{" "}
        {e.PRIVACY_CONTACT ? <>To ask about your data, contact {e.PRIVACY_CONTACT}.</> : <>To ask about your data, contact your site administrator.</>}
      </p>
      <h2 className="text-2xl font-bold">What we keep, why, and for how long</h2>
      <table className="w-full border-collapse text-left align-top">
        <caption className="sr-only">Personal data kept by Roundtable</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-3">What</th>
            <th scope="col" className="py-2 pr-3">Why</th>
            <th scope="col" className="py-2">How long</th>
          </tr>
        </thead>
        <tbody>
          {kept.map(([what, why, howLong]) => (
            <tr key={what} className="border-b border-line align-top">
              <td className="py-2 pr-3">{what}</td>
              <td className="py-2 pr-3">{why}</td>
              <td className="py-2">{howLong}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        We set one cookie to keep you signed in, and short-lived ones that protect sign-in forms. There is no advertising and no
        tracking. Your email address is never shown to other members. Email is sent through our mail provider; the hosting
        provider may keep its own short-lived request logs.
      </p>
      <h2 className="text-2xl font-bold">Our lawful basis</h2>
      <p>
        We use your data because it is needed to run the professional network you asked to join and to keep it secure: our
        legitimate interests (Article 6(1)(f) UK GDPR). Where the organisation running this site is a public authority acting in
        its public role, the basis is its public task (Article 6(1)(e)). Please do not share special category data (such as
        health details) about yourself or others in communities.
      </p>
      <h2 className="text-2xl font-bold">Deleting your account</h2>
      <p>
        You can delete your account from <Link href="/settings">your account page</Link>. You choose whether your posts and
        replies stay, shown as written by “a former member”, or are removed (with the replies others made to your posts). Nothing
        is deleted for {deletionGraceDays()} days: signing in during that time cancels it. After that your account, profile,
        devices, memberships, drafts, marks and reports are deleted. Accounts whose address is never confirmed are deleted after 7 days.
      </p>
      <h2 className="text-2xl font-bold">Your rights</h2>
      <p>
        You can ask for a copy of your data, ask us to correct it (you can change your profile yourself), to delete it, to limit
        how we use it, or object to our using it, and to have it in a form you can take elsewhere. If you are unhappy with how we
        handle your data, you can complain to the Information Commissioner’s Office at ico.org.uk or on 0303 123 1113.
      </p>
    </article>
  );
}
