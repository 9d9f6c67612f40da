import Link from "next/link";
import { Search } from "lucide";
import { getActiveViewer, headerUnreadCount } from "@/lib/auth/request-viewer";
import { seesAdministration } from "@/lib/admin";
import { seesSiteLog } from "@/lib/moderation/audit";
import { signOutAction } from "@/app/_actions/auth";
import { Avatar } from "./avatar";
import { Icon } from "./icon";
import { UnreadBadge } from "./unread-badge";

// One short class (app/lists.css): the header is sent with every page, twice over (HTML and RSC payload).
const navLink = "nav-link";

/** The header on every page: the name, and for signed-in people their search and navigation. */
export async function SiteHeader() {
  const viewer = await getActiveViewer();
  const signedIn = viewer !== null;
  // The member's unread notifications, up to 100: counted in the statement that loads their session.
  const unread = viewer ? await headerUnreadCount() : 0;
  return (
    <header className="site-head">
      <div className="site-head-row">
        <Link href={signedIn ? "/home" : "/"} className="site-name">
          Roundtable
        </Link>
        {signedIn ? (
          <>
            <nav aria-label="Main" className="ml-auto md:order-last">
              <ul className="flex flex-wrap items-center gap-x-5 gap-y-2">
                <li>
                  <Link href="/home" className={navLink}>
                    Home
                  </Link>
                </li>
                <li>
                  <Link href="/communities" className={navLink}>
                    Communities
                  </Link>
                </li>
                <li>
                  <Link href="/people" className={navLink}>
                    People
                  </Link>
                </li>
                <li>
                  <Link href="/notifications" className={navLink}>
                    Notifications
                    <UnreadBadge initial={unread} />
                  </Link>
                </li>
                {seesAdministration(viewer) ? (
                  <li>
                    <Link href="/admin" className={navLink}>
                      Site admin
                    </Link>
                  </li>
                ) : (
                  seesSiteLog(viewer) && (
                    <li>
                      <Link href="/moderation" className={navLink}>
                        Site log
                      </Link>
                    </li>
                  )
                )}
                <li>
                  <Link href="/settings" className={`inline-flex items-center gap-2 ${navLink}`}>
                    {viewer.name && <Avatar name={viewer.name} seed={viewer.id} size="sm" />}
                    {/* On a phone the initials stand in for the name, which screen readers still hear. */}
                    <span className={viewer.name ? "sr-only sm:not-sr-only" : undefined}>{viewer.name || "Your profile"}</span>
                  </Link>
                </li>
                <li>
                  <form action={signOutAction}>
                    <button type="submit" className="site-sign-out">
                      Sign out
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
            <form method="get" action="/search" role="search" aria-label="Site" className="flex w-full md:w-auto md:flex-1">
              <label htmlFor="header-search" className="sr-only">
                Search Roundtable
              </label>
              <input
                id="header-search"
                name="q"
                type="search"
                placeholder="Search"
                className="site-search-field"
              />
              <button type="submit" className="site-search-button">
                <Icon icon={Search} />
                <span className="sr-only sm:not-sr-only">Search</span>
              </button>
            </form>
          </>
        ) : (
          <nav aria-label="Account" className="ml-auto">
            <ul className="flex gap-5">
              <li>
                <Link href="/sign-in" className={navLink}>
                  Sign in
                </Link>
              </li>
              <li>
                <Link href="/sign-up" className={navLink}>
                  Create an account
                </Link>
              </li>
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-line bg-panel">
      <div className="mx-auto flex max-w-5xl flex-wrap gap-x-6 gap-y-2 px-4 py-6 text-sm">
        <Link href="/accessibility">Accessibility statement</Link>
        <Link href="/privacy">Privacy notice</Link>
        <Link href="/terms">Terms of use</Link>
        <span className="text-muted">Roundtable keeps what members share inside their communities.</span>
      </div>
    </footer>
  );
}
