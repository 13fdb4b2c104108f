import { buildTruongsoConfig } from './lib/buildConfig.ts'
import { chooseDatabase, DatabaseUriError } from './lib/database.ts'
import { dataDir } from './lib/paths.ts'

// A wrong DATABASE_URI stops start-up with one line saying what is accepted.
try {
  chooseDatabase(process.env.DATABASE_URI, dataDir)
} catch (error) {
  if (error instanceof DatabaseUriError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

export default buildTruongsoConfig({ databaseUri: process.env.DATABASE_URI, dataDir })
