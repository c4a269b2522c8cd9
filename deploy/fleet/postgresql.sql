-- The fleet's database and its least-privilege role (run once as the postgres superuser).
-- The service creates and migrates its tables itself (kiosk-fleet migrate, also run by ExecStartPre).
CREATE ROLE kiosk_fleet LOGIN PASSWORD :'password';
CREATE DATABASE kiosk_fleet OWNER kiosk_fleet ENCODING 'UTF8';
REVOKE ALL ON DATABASE kiosk_fleet FROM PUBLIC;
\connect kiosk_fleet
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO kiosk_fleet;
