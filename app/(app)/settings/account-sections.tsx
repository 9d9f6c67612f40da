import Link from "next/link";
import { changePasswordAction, requestEmailChangeAction, resendConfirmationAction, signOutDeviceAction, signOutOtherDevicesAction } from "@/app/_actions/account";
import { formatDate } from "@/app/_components/community";
import { ActionButton, ActionForm, TextField } from "@/app/_components/form";
import type { Viewer } from "@/lib/auth/request-viewer";
import { PASSWORD_MIN } from "@/lib/users/password";
import type { listDevices } from "@/lib/users/sessions";
import { LiveRegion } from "@/app/_components/live-region";

// The parts of the account page about signing in: address, password, devices, deletion.

export function EmailSection({ viewer, email, hasPassword }: { viewer: Viewer; email: string; hasPassword: boolean }) {
  return (
    <section aria-labelledby="email-heading" className="max-w-2xl space-y-4">
      <h2 id="email-heading" className="text-2xl font-bold">
        Email address
      </h2>
      <p>
        You sign in with <strong>{email}</strong>. {viewer.verified ? "It is confirmed." : "It is not confirmed yet."}
      </p>
      {viewer.verified ? (
        <ActionForm action={requestEmailChangeAction} submitLabel="Change my email address" kind="secondary" idPrefix="email">
          <TextField name="newEmail" label="New email address" type="email" autoComplete="email" hint="We send a link to it; the change happens when you open it while signed in." />
          {hasPassword && <TextField name="password" label="Your password" type="password" autoComplete="current-password" />}
        </ActionForm>
      ) : (
        <ActionForm action={resendConfirmationAction} submitLabel="Send the link again" kind="secondary" idPrefix="resend" summary={false} />
      )}
    </section>
  );
}

export function PasswordSection({ hasPassword }: { hasPassword: boolean }) {
  return (
    <section aria-labelledby="password-heading" className="max-w-2xl space-y-4">
      <h2 id="password-heading" className="text-2xl font-bold">
        Password
      </h2>
      <p>Changing it signs you out on every other device.</p>
      <ActionForm action={changePasswordAction} submitLabel={hasPassword ? "Change my password" : "Set a password"} kind="secondary" idPrefix="password">
        {hasPassword && <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" />}
        <TextField name="newPassword" label="New password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters.`} />
      </ActionForm>
    </section>
  );
}

type Device = Awaited<ReturnType<typeof listDevices>>[number];

export function DevicesSection({ devices, signedOut }: { devices: Device[]; signedOut: number | null }) {
  const others = devices.filter((d) => !d.current);
  return (
    <section aria-labelledby="devices-heading" className="max-w-2xl space-y-4">
      <h2 id="devices-heading" className="text-2xl font-bold">
        Signed-in devices
      </h2>
      <LiveRegion role="status" className="font-semibold text-success">
        {signedOut !== null && (signedOut === 1 ? "1 device is signed out." : `${signedOut} devices are signed out.`)}
      </LiveRegion>
      <ul className="space-y-3">
        {devices.map((device) => (
          <li key={device.id} className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-3">
            <span>
              <span className="font-semibold">{device.device || "A browser"}</span>
              {device.current && <span className="ml-2 rounded bg-panel px-2 py-0.5 text-sm">This device</span>}
              <span className="block text-sm text-muted">
                Signed in {formatDate(device.createdAt)}; last used {formatDate(device.lastSeenAt)}
                {device.network ? ` from network ${device.network}` : ""}
              </span>
            </span>
            {!device.current && (
              <ActionButton action={signOutDeviceAction} label={`Sign out ${device.device || "this browser"} (signed in ${formatDate(device.createdAt)})`} kind="secondary" fields={{ sessionId: device.id }} />
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && <ActionButton action={signOutOtherDevicesAction} label="Sign out of all other devices" kind="danger" />}
    </section>
  );
}

export function DeleteSection({ graceDays }: { graceDays: number }) {
  return (
    <section aria-labelledby="delete-heading" className="max-w-2xl space-y-3">
      <h2 id="delete-heading" className="text-2xl font-bold">
        Delete your account
      </h2>
      <p>You choose whether your posts and replies stay or go. Nothing is deleted for {graceDays} days, and signing in cancels it.</p>
      <p>
        <Link href="/settings/delete">Delete your account</Link>
      </p>
    </section>
  );
}
