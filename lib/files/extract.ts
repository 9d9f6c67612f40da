// Words inside PDF and Word files, for search. Extraction never stops an upload: a file whose
// text cannot be read is still shared, and found by its name.

/** At most this much text is kept for search from one file. */
export const TEXT_MAX_CHARS = 200_000;

const WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function extractText(bytes: Uint8Array, contentType: string): Promise<string> {
  try {
    let text = "";
    if (contentType === "application/pdf") {
      const { extractText: pdfText, getDocumentProxy } = await import("unpdf");
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      text = (await pdfText(pdf, { mergePages: true })).text;
    } else if (contentType === WORD) {
      const mammoth = await import("mammoth");
      text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    } else if (contentType.startsWith("text/")) {
      text = new TextDecoder().decode(bytes);
    }
    return text.replace(/\u0000/g, "").replace(/\s+/g, " ").trim().slice(0, TEXT_MAX_CHARS);
  } catch (error) {
    console.warn("Could not extract text from a file", error instanceof Error ? error.message : error);
    return "";
  }
}
