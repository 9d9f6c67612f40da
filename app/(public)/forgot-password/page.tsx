import type { Metadata } from "next";
import Link from "next/link";
import { forgotPasswordAction } from "@/app/_actions/auth";
import { ActionForm, TextField } from "@/app/_components/form";

export const metadata: Metadata = { title: "Forgotten your password" };

export default function ForgotPasswordPage() {
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">Forgotten your password</h1>
      <p>Enter the email address of your account. We will email it a link to choose a new password.</p>
      <ActionForm action={forgotPasswordAction} submitLabel="Email me a link">
        <TextField name="email" label="Email address" type="email" autoComplete="email" />
      </ActionForm>
      <p>
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}
