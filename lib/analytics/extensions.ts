import type { Db } from "@/lib/db/client";
import type { Period } from "./period";

// Figures that other parts of Roundtable add to a community's page: event attendance and
// document activity, once events and the document library exist. Each provider is called
// after the policy check (the viewer may see this community's figures) and returns rows of
// the headline table, for this period and the previous one, with the definition shown as help.

export type ExtraFigure = { label: string; definition: string; current: number | null; previous: number | null };
export type FigureProvider = (db: Db, community: { id: string }, period: Period) => Promise<ExtraFigure[]>;

/** Events (attendance) and the document library (documents added, edited, read) register here. */
export const figureProviders: FigureProvider[] = [];
