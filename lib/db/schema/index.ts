export * from "./users";
export * from "./auth";
export * from "./communities";
export * from "./search";
export * from "./posts";
export * from "./mail";
export * from "./moderation";
export * from "./accounts";
