/** The largest photo a member may upload, in MB, before it is cropped and re-encoded. */
export const PHOTO_MAX_MB = 5;
