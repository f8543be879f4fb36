-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d): one database per service,
-- owned by the suite's user (POSTGRES_USER). Each service migrates its own database on start.
CREATE DATABASE tongcheng_points;
CREATE DATABASE tongcheng_verification;
CREATE DATABASE tongcheng_enrollment;
CREATE DATABASE tongcheng_funding;
CREATE DATABASE tongcheng_console;
