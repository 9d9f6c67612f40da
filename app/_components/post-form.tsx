import { randomUUID } from "node:crypto";
import { saveDraftAction } from "@/app/_actions/posts";
import type { FormAction } from "@/lib/http/form-action";
import { TAG_MAX, TAGS_MAX, TITLE_MAX } from "@/lib/posts/validation";
import { DraftAutosave } from "./editor/draft-autosave";
import { RichTextField } from "./editor/rich-text-field";
import { ActionForm, RadioGroup, TextField } from "./form";

type Values = { kind?: string | null; title?: string; body?: string; tags?: string };

/** The form for a new or edited post: kind, title, rich-text body and tags, saved as a draft while typed. */
export function PostForm({
  action,
  submitLabel,
  hidden,
  values,
  draftKey,
  mentionSlug,
  children,
}: {
  children?: React.ReactNode;
  action: FormAction;
  submitLabel: string;
  hidden: Record<string, string>;
  values: Values;
  /** Where drafts are kept as the member types; none for a facilitator's edit. */
  draftKey: string | null;
  mentionSlug: string;
}) {
  return (
    <ActionForm action={action} submitLabel={submitLabel}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* A new key per render of the form: a double click or a retry of this submit makes one post. */}
      <input type="hidden" name="idempotencyKey" value={randomUUID()} />
      <RadioGroup
        name="kind"
        legend="What kind of post is it?"
        defaultValue={values.kind ?? "discussion"}
        options={[
          { value: "discussion", label: "Discussion", hint: "Share an experience or an opinion and talk it through." },
          { value: "question", label: "Question", hint: "Ask for help. You can mark the reply that answers it." },
          { value: "article", label: "Article", hint: "A longer piece setting out practice or a point of view." },
        ]}
      />
      <TextField name="title" label="Title" defaultValue={values.title} maxLength={TITLE_MAX + 50} hint={`Up to ${TITLE_MAX} characters.`} />
      <RichTextField name="body" label="Body" defaultValue={values.body} mentionSlug={mentionSlug} imageUpload={{ community: mentionSlug }} hint="Type @ and a name to mention a member of this community. Paste or add images with the Image button." />
      <TextField name="tags" label="Tags (optional)" defaultValue={values.tags} hint={`Up to ${TAGS_MAX}, separated by commas, each up to ${TAG_MAX} characters. For example: housing, social value`} />
      {children}
      {draftKey && <DraftAutosave draftKey={draftKey} save={saveDraftAction} />}
    </ActionForm>
  );
}
