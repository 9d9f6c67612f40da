import { Search } from "lucide";
import { buttonClass, type ButtonKind } from "./button-styles";
import { inputClass, labelClass } from "./field-styles";
import { Icon } from "./icon";

/**
 * A labelled search field with its button right beside it, as one GET form (it works without
 * scripts). An error from the last search is shown under the label and linked to the field.
 */
export function SearchBox({
  id,
  label,
  formLabel,
  action,
  defaultValue,
  hidden = {},
  error,
  kind = "secondary",
}: {
  id: string;
  label: string;
  /** The search landmark's name, when several searches share a page. */
  formLabel: string;
  action?: string;
  defaultValue?: string;
  hidden?: Record<string, string>;
  error?: string | null;
  kind?: ButtonKind;
}) {
  return (
    <form method="get" action={action} role="search" aria-label={formLabel} className="max-w-xl">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {error && (
        <p id={`${id}-error`} className="font-semibold text-danger">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`${inputClass} min-w-0 flex-1`}
        />
        <button type="submit" className={buttonClass(kind)}>
          <Icon icon={Search} />
          Search
        </button>
      </div>
    </form>
  );
}
