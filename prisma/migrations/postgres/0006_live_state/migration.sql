-- CreateTable
CREATE TABLE "project_live_state" (
    "project_id" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "written_version" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "project_live_state_pkey" PRIMARY KEY ("project_id")
);

-- CreateTable
CREATE TABLE "project_live_updates" (
    "id" SERIAL NOT NULL,
    "project_id" TEXT NOT NULL,
    "update" BYTEA NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_live_updates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_live_bases" (
    "project_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_live_bases_pkey" PRIMARY KEY ("project_id","version")
);

-- CreateIndex
CREATE INDEX "project_live_updates_project_id_id_idx" ON "project_live_updates"("project_id", "id");

-- AddForeignKey
ALTER TABLE "project_live_state" ADD CONSTRAINT "project_live_state_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_live_updates" ADD CONSTRAINT "project_live_updates_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_live_bases" ADD CONSTRAINT "project_live_bases_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
