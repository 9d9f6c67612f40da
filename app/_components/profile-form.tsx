import { removePhotoAction, savePhotoAction, updateProfileAction } from "@/app/_actions/profile";
import { Avatar } from "@/app/_components/avatar";
import { FileField } from "@/app/_components/file-field";
import { ActionButton, ActionForm, TextField } from "@/app/_components/form";
import { SelectField } from "@/app/_components/select-field";
import { areasOfWork, regions } from "@/lib/people/choices";
import { PHOTO_MAX_MB } from "@/lib/people/photo-limits";
import type { getProfileSettings, ProfileField } from "@/lib/people/profile";

type Settings = Awaited<ReturnType<typeof getProfileSettings>>;

export const visibilityLabels = { everyone: "Everyone signed in", communities: "Members of my communities", nobody: "Only me" } as const;
const visibilityOptions = Object.entries(visibilityLabels).map(([value, label]) => ({ value, label }));
const contactOptions = [
  { value: "welcome", label: "Happy to be contacted about my work" },
  { value: "communities", label: "Contact me through a community I am in" },
  { value: "none", label: "Please do not contact me" },
];
const choose = (list: readonly string[]) => [{ value: "", label: "Not given" }, ...list.map((value) => ({ value, label: value }))];

/** Who may see one field, right below it. */
function Visibility({ field, settings, what }: { field: ProfileField; settings: Settings; what: string }) {
  return <SelectField name={`${field}Visibility`} label={`Who can see your ${what}`} options={visibilityOptions} defaultValue={settings.visibility[field]} />;
}

/** The member's own profile, each field with who may see it. Organisations already listed are offered as they type. */
export function ProfileForm({ settings, organisations }: { settings: Settings; organisations: { id: string; name: string }[] }) {
  return (
    <ActionForm action={updateProfileAction} submitLabel="Save profile" idPrefix="profile">
      <TextField name="name" label="Full name" autoComplete="name" defaultValue={settings.name} hint="Everyone signed in sees your name." />
      <fieldset className="space-y-3 border-l-4 border-line pl-4">
        <legend className="text-lg font-bold">Your work</legend>
        <TextField name="jobTitle" label="Job title" autoComplete="organization-title" defaultValue={settings.jobTitle} />
        <Visibility field="jobTitle" settings={settings} what="job title" />
        <TextField
          name="organisation"
          label="Organisation"
          autoComplete="organization"
          list="organisation-suggestions"
          defaultValue={settings.organisation}
          hint="Start typing to choose from organisations already here, so colleagues find you under one name."
        />
        <datalist id="organisation-suggestions">
          {organisations.map((o) => (
            <option key={o.id} value={o.name} />
          ))}
        </datalist>
        <Visibility field="organisation" settings={settings} what="organisation" />
        <SelectField name="areaOfWork" label="Area of work" options={choose(areasOfWork)} defaultValue={settings.areaOfWork} />
        <Visibility field="areaOfWork" settings={settings} what="area of work" />
        <TextField name="expertise" label="Expertise" defaultValue={settings.expertise} hint="What colleagues could ask you about, separated by commas. For example: data protection, commissioning." />
        <Visibility field="expertise" settings={settings} what="expertise" />
        <SelectField name="region" label="Region" options={choose(regions)} defaultValue={settings.region} />
        <Visibility field="region" settings={settings} what="region" />
      </fieldset>
      <fieldset className="space-y-3 border-l-4 border-line pl-4">
        <legend className="text-lg font-bold">About you</legend>
        <TextField name="bio" label="A short bio" multiline rows={4} defaultValue={settings.bio} hint="What you work on, and what you can help others with." />
        <Visibility field="bio" settings={settings} what="bio" />
        <SelectField name="contactPreference" label="Contact preferences" options={contactOptions} defaultValue={settings.contactPreference} />
        <Visibility field="contact" settings={settings} what="contact preferences" />
        <Visibility field="photo" settings={settings} what="photo" />
      </fieldset>
    </ActionForm>
  );
}

/** The member's photo: upload a new one (cropped square for them) or go back to initials. */
export function PhotoForm({ userId, name, hasPhoto }: { userId: string; name: string; hasPhoto: boolean }) {
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-4">
        <Avatar name={name} seed={userId} size="lg" photo={hasPhoto ? `/people/${userId}/photo` : undefined} />
        <p>{hasPhoto ? "Your photo, as others see it." : "Without a photo, others see your initials."}</p>
      </div>
      <ActionForm action={savePhotoAction} submitLabel="Save photo" kind="secondary" idPrefix="photo">
        <FileField name="photo" label="Photo" hint={`A JPEG, PNG, GIF or WebP picture, up to ${PHOTO_MAX_MB} MB. We crop it square and remove location data.`} />
      </ActionForm>
      {hasPhoto && <ActionButton action={removePhotoAction} label="Remove my photo" kind="link" />}
    </div>
  );
}
