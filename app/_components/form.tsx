import type { FormAction } from "@/lib/http/form-action";
import { buttonClass, type ButtonKind, type ButtonSize } from "./button-styles";
import { ActionFormClient } from "./form-client";

// Forms for pages. The parts that run in the browser live in form-client.tsx; these wrappers
// choose the button's look on the server and hand the browser only its classes.

export { FormState, RadioGroup, TextField, useFieldId } from "./form-client";

type ButtonLook = {
  kind?: ButtonKind;
  size?: ButtonSize;
  /** An icon drawn before the label, such as <Icon icon={…} />. */
  icon?: React.ReactNode;
  /** Words that finish the button's name for screen readers, such as whose row it is in. */
  labelSuffix?: string;
};

/**
 * A form posting to a server action. It works before JavaScript loads; once loaded, errors
 * appear without a page load, in a summary at the top and next to each field.
 */
export function ActionForm({
  kind = "primary",
  size = "md",
  ...props
}: ButtonLook & {
  action: FormAction;
  submitLabel: string;
  idPrefix?: string;
  children?: React.ReactNode;
  className?: string;
  summary?: boolean;
  pendingLabel?: string;
}) {
  return <ActionFormClient {...props} submitClassName={buttonClass(kind, size)} />;
}

/** A one-button form for actions such as Join or Leave, with any error shown beside it. */
export function ActionButton({ action, label, fields = {}, ...look }: ButtonLook & { action: FormAction; label: string; fields?: Record<string, string> }) {
  return (
    <ActionForm action={action} submitLabel={label} summary={false} className="space-y-2" {...look}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </ActionForm>
  );
}
