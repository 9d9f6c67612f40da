// The fixed lists a profile chooses from, and how typed names are folded so that one
// organisation or one expertise is one, however it was typed.

export const areasOfWork = [
  "Adult social care",
  "Children's services",
  "Communities and neighbourhoods",
  "Democratic services",
  "Digital and technology",
  "Economic development",
  "Education",
  "Environment and climate",
  "Finance",
  "Housing",
  "Human resources",
  "Legal",
  "Planning",
  "Policy and performance",
  "Public health",
  "Transport and highways",
  "Waste and street services",
  "Other",
] as const;

export const regions = [
  "East Midlands",
  "East of England",
  "London",
  "North East",
  "North West",
  "Northern Ireland",
  "Scotland",
  "South East",
  "South West",
  "Wales",
  "West Midlands",
  "Yorkshire and the Humber",
] as const;

export const MAX_EXPERTISE = 12;
export const MAX_TAG_LENGTH = 40;

/** Tidies a name as typed: single spaces, no trailing full stop or comma. "Leeds  City Council." → "Leeds City Council". */
export function tidyName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.,;:]+$/u, "");
}

/**
 * The key two spellings of one organisation share: lower case, "&" as "and", apostrophes dropped, other punctuation as spaces,
 * single spaces. "Leeds City Council", "leeds city council " and "Leeds City Council." → "leeds city council".
 */
export function organisationKey(name: string): string {
  return tidyName(name)
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "Data protection, GDPR ,  , Housing" → ["data protection", "gdpr", "housing"]: folded, unique, in order. */
export function expertiseTags(text: string): string[] {
  const tags = text
    .split(/[,\n]/)
    .map((tag) => tidyName(tag).toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}
