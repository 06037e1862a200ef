-- AlterTable
ALTER TABLE "comment_threads" ADD COLUMN     "resolved_by_name" TEXT;

-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "author_kind" TEXT NOT NULL DEFAULT 'user',
ADD COLUMN     "mentions" TEXT NOT NULL DEFAULT '[]';
