import { deleteDocumentAction, moveDocumentAction, setCoauthorAction, setFolderAction, setStatusAction } from "@/app/_actions/library";
import { ActionButton, ActionForm, RadioGroup, TextField } from "@/app/_components/form";
import { statusText } from "@/app/_components/library";
import { requireActiveViewer } from "@/lib/auth/request-viewer";
import type { getDocumentPage } from "@/lib/library/page";
import { moveDestinations } from "@/lib/moderation/reports";

type Data = Awaited<ReturnType<typeof getDocumentPage>>;

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** The document's controls for those who may use them: status, co-authors, folder, moving, deleting. */
export async function ManageDocument({ data }: { data: Data }) {
  const { document, allowed } = data;
  const fields = { documentId: document.id };
  const destinations = allowed.moderate ? await moveDestinations(await requireActiveViewer(), data.community.id) : [];
  if (!allowed.setStatus && !allowed.chooseCoauthors && !allowed.delete && destinations.length === 0) return null;
  return (
    <aside aria-labelledby="manage-heading" className="space-y-6">
      <h2 id="manage-heading" className="text-xl font-bold">
        Manage this document
      </h2>
      {allowed.setStatus && (
        <ActionForm action={setStatusAction} submitLabel="Save status" kind="secondary" idPrefix="status">
          <input type="hidden" name="documentId" value={document.id} />
          <RadioGroup
            name="status"
            legend="Status"
            defaultValue={document.status}
            options={(Object.keys(statusText) as (keyof typeof statusText)[]).map((value) => ({ value, label: statusText[value] }))}
          />
          <TextField name="deadline" label="Comments close on (when out for comment)" type="date" defaultValue={isoDate(document.commentDeadline)} hint="For example, 2026-03-31." />
        </ActionForm>
      )}
      {allowed.chooseCoauthors && (
        <section aria-labelledby="coauthors-heading" className="space-y-2">
          <h3 id="coauthors-heading" className="font-bold">
            Co-authors
          </h3>
          <p className="text-sm text-muted">Co-authors edit the document with its owner. They must be members of this community.</p>
          {data.coauthors.length === 0 ? (
            <p>None yet.</p>
          ) : (
            <ul className="space-y-2">
              {data.coauthors.map((person) => (
                <li key={person.id} className="flex flex-wrap items-center gap-2">
                  <span>{person.name}</span>
                  <ActionButton action={setCoauthorAction} label={`Remove ${person.name}`} kind="link" fields={{ ...fields, userId: person.id, add: "false" }} />
                </li>
              ))}
            </ul>
          )}
          {data.candidates.length > 0 && (
            <ActionForm action={setCoauthorAction} submitLabel="Add co-author" kind="secondary" idPrefix="coauthor">
              <input type="hidden" name="documentId" value={document.id} />
              <input type="hidden" name="add" value="true" />
              <label htmlFor="coauthor-field-userId" className="block font-semibold">
                Member to add
              </label>
              <select id="coauthor-field-userId" name="userId" className="block w-full border-2 border-ink bg-white px-2 py-1">
                {data.candidates.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </select>
            </ActionForm>
          )}
        </section>
      )}
      {allowed.edit && <FolderForm data={data} />}
      {destinations.length > 0 && (
        <ActionForm action={moveDocumentAction} submitLabel="Move document" kind="secondary" idPrefix="move">
          <input type="hidden" name="documentId" value={document.id} />
          <label htmlFor="move-field-destination" className="block font-semibold">
            Move to another community you look after
          </label>
          <select id="move-field-destination" name="destination" className="block w-full border-2 border-ink bg-white px-2 py-1">
            {destinations.map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.name}
              </option>
            ))}
          </select>
        </ActionForm>
      )}
      {allowed.delete && <ActionButton action={deleteDocumentAction} label="Delete document" kind="danger" fields={fields} />}
    </aside>
  );
}

function FolderForm({ data }: { data: Data }) {
  return (
    <ActionForm action={setFolderAction} submitLabel="Save folder" kind="secondary" idPrefix="place">
      <input type="hidden" name="documentId" value={data.document.id} />
      <label htmlFor="place-field-folderId" className="block font-semibold">
        Folder
      </label>
      <select id="place-field-folderId" name="folderId" defaultValue={data.folder?.id ?? ""} className="block w-full border-2 border-ink bg-white px-2 py-1">
        <option value="">No folder</option>
        {data.folders.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
    </ActionForm>
  );
}
