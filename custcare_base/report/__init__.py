from . import custcare_archive_report
