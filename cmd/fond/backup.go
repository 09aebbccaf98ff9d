package main

import (
	"context"
	"fmt"
	"os"

	"fond/internal/bagit"
	"fond/internal/store/postgres"
	"fond/internal/store/sqlite"
)

func runBackup(ctx context.Context, e *env, args []string) error {
	fs := e.flags("backup")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: name one file to write the backup to", errUsage)
	}
	if postgres.IsURL(e.dbPath) {
		// The server's own tools take a consistent dump while it is written to;
		// fond adds nothing to them.
		return fmt.Errorf("%s is a PostgreSQL database: back it up with pg_dump (pg_dump --format=custom --file=%s 'URL') and restore with pg_restore into an empty database (pg_restore --no-owner --dbname='URL' %s); see README", e.dbName(), pos[0], pos[0])
	}
	if err := sqlite.Backup(ctx, e.dbPath, pos[0]); err != nil {
		return err
	}
	if info, err := os.Stat(pos[0]); err == nil {
		fmt.Fprintf(e.stderr, "%s: backed up to %s (%s)\n", e.dbPath, pos[0], bagit.HumanSize(info.Size()))
	}
	return nil
}
