import type { Metadata } from "next";
import { formatDate } from "@/app/_components/community";
import { loadPage } from "@/app/_components/load-page";
import { listDevOutbox } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Development outbox" };

/** Mail the app would have sent, in development without SMTP. A 404 in production. */
export default async function OutboxPage() {
  const { data: messages } = await loadPage(() => listDevOutbox());
  if (!messages) return null;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Development outbox</h1>
      <p>This development copy has no mail server, so messages land here. Production has no such page.</p>
      {messages.length === 0 && <p>No messages yet.</p>}
      {messages.map((message) => (
        <article key={message.id} className="space-y-2 border-b border-line pb-4">
          <h2 className="text-lg font-bold">{message.subject}</h2>
          <p className="text-sm text-muted">
            To {message.to} · {formatDate(message.createdAt)} {message.createdAt.toLocaleTimeString("en-GB")}
          </p>
          <pre className="whitespace-pre-wrap font-sans">{message.text}</pre>
          {message.links.length > 0 && (
            <ul>
              {message.links.map((link) => (
                <li key={link}>
                  <a href={link}>{link}</a>
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </div>
  );
}
