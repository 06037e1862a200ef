-- AlterTable
ALTER TABLE "comment_threads" ADD COLUMN "resolved_by_name" TEXT;

-- AlterTable (SQLite adds a NOT NULL column with a constant default in place: no table rebuild)
ALTER TABLE "comments" ADD COLUMN "author_kind" TEXT NOT NULL DEFAULT 'user';
ALTER TABLE "comments" ADD COLUMN "mentions" TEXT NOT NULL DEFAULT '[]';
