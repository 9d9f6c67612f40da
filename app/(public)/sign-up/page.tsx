import type { Metadata } from "next";
import Link from "next/link";
import { signUpAction } from "@/app/_actions/auth";
import { ActionForm, TextField } from "@/app/_components/form";
import { PASSWORD_MIN } from "@/lib/users/password";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  const domains = env().allowedEmailDomains;
  return (
    <div className="max-w-xl space-y-8">
      <h1 className="text-3xl font-bold">Create an account</h1>
      <p>
        We will email you a link to confirm your address. Until you use it, you can read open communities but not join or
        post. Our <Link href="/privacy">privacy notice</Link> says what we keep about you and why, and the{" "}
        <Link href="/terms">terms of use</Link> say what we ask of members.
      </p>
      <ActionForm action={signUpAction} submitLabel="Create account">
        <TextField name="name" label="Full name" autoComplete="name" />
        <TextField
          name="email"
          label="Work email address"
          type="email"
          autoComplete="email"
          hint={domains.length ? `Use an address ending in ${domains.join(" or ")}.` : undefined}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters. Three random words make a strong password.`}
        />
      </ActionForm>
      <p>
        Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
    </div>
  );
}
