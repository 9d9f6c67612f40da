import { unknownApiPath } from "@/lib/http/json-route";

/** An address in the JSON API that names no route: a JSON 404 with the request's id, like every answer here. */
export const GET = unknownApiPath;
export const POST = unknownApiPath;
export const PUT = unknownApiPath;
export const PATCH = unknownApiPath;
export const DELETE = unknownApiPath;
