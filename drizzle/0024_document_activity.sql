CREATE INDEX "document_drafts_base_revision_idx" ON "document_drafts" USING btree ("base_revision_id");--> statement-breakpoint
CREATE INDEX "document_revisions_document_created_idx" ON "document_revisions" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE INDEX "documents_head_revision_idx" ON "documents" USING btree ("head_revision_id");