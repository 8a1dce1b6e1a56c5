/** A file's size in B, KB or MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The path of a case's attachments in the API. */
export function attachmentsPath(company: string, caseId: string) {
  return `/companies/${company}/cases/${encodeURIComponent(caseId)}/attachments` as const;
}
