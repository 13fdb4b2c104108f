import * as migration_20261202_014157_baseline from './20261202_014157_baseline.ts';
import * as migration_20261202_020530_production_path from './20261202_020530_production_path.ts';
import * as migration_20261202_030058_gradebook from './20261202_030058_gradebook.ts';
import * as migration_20261202_052009_gradebook_progress from './20261202_052009_gradebook_progress.ts';
import * as migration_20261202_060511_teaching_day from './20261202_060511_teaching_day.ts';
import * as migration_20261202_062200_class_log from './20261202_062200_class_log.ts';
import * as migration_20261202_102135_timetable_notices from './20261202_102135_timetable_notices.ts';
import * as migration_20261203_100001_education_records from './20261203_100001_education_records.ts';
import * as migration_20261206_214353_book_archives from './20261206_214353_book_archives.ts';
import * as migration_20261206_230641_disclosure_rules from './20261206_230641_disclosure_rules.ts';
import * as migration_20261207_014133_oversight from './20261207_014133_oversight.ts';
import * as migration_20261207_044056_sites_v2 from './20261207_044056_sites_v2.ts';

export const migrations = [
  {
    up: migration_20261202_014157_baseline.up,
    down: migration_20261202_014157_baseline.down,
    name: '20261202_014157_baseline',
  },
  {
    up: migration_20261202_020530_production_path.up,
    down: migration_20261202_020530_production_path.down,
    name: '20261202_020530_production_path',
  },
  {
    up: migration_20261202_030058_gradebook.up,
    down: migration_20261202_030058_gradebook.down,
    name: '20261202_030058_gradebook',
  },
  {
    up: migration_20261202_052009_gradebook_progress.up,
    down: migration_20261202_052009_gradebook_progress.down,
    name: '20261202_052009_gradebook_progress',
  },
  {
    up: migration_20261202_060511_teaching_day.up,
    down: migration_20261202_060511_teaching_day.down,
    name: '20261202_060511_teaching_day',
  },
  {
    up: migration_20261202_062200_class_log.up,
    down: migration_20261202_062200_class_log.down,
    name: '20261202_062200_class_log',
  },
  {
    up: migration_20261202_102135_timetable_notices.up,
    down: migration_20261202_102135_timetable_notices.down,
    name: '20261202_102135_timetable_notices',
  },
  {
    up: migration_20261203_100001_education_records.up,
    down: migration_20261203_100001_education_records.down,
    name: '20261203_100001_education_records',
  },
  {
    up: migration_20261206_214353_book_archives.up,
    down: migration_20261206_214353_book_archives.down,
    name: '20261206_214353_book_archives',
  },
  {
    up: migration_20261206_230641_disclosure_rules.up,
    down: migration_20261206_230641_disclosure_rules.down,
    name: '20261206_230641_disclosure_rules',
  },
  {
    up: migration_20261207_014133_oversight.up,
    down: migration_20261207_014133_oversight.down,
    name: '20261207_014133_oversight',
  },
  {
    up: migration_20261207_044056_sites_v2.up,
    down: migration_20261207_044056_sites_v2.down,
    name: '20261207_044056_sites_v2'
  },
];
