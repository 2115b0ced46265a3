# PostgreSQL 15 with Patroni from Debian, for docker compose's "cluster" profile.
FROM postgres:15
RUN apt-get update && apt-get install -y --no-install-recommends patroni python3-etcd && rm -rf /var/lib/apt/lists/*
COPY deploy/compose/patroni.yml /etc/patroni.yml
USER postgres
ENTRYPOINT ["patroni", "/etc/patroni.yml"]
