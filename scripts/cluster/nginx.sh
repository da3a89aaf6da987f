#!/usr/bin/env bash
# Step 5 of `npm run cluster`: nginx in front of both app instances. A request that could not
# reach an instance is passed to the other only when it is idempotent (GET/HEAD, nginx's
# default for proxy_next_upstream): a POST that may have reached the app is never sent twice.
set -euo pipefail
. "$(dirname "$0")/env.sh"

dir="$CLUSTER_DIR/nginx"
mkdir -p "$dir/tmp"
cat >"$dir/nginx.conf" <<CONF
daemon on;
pid $CLUSTER_DIR/run/nginx.pid;
error_log $CLUSTER_DIR/log/nginx-error.log warn;
worker_processes 1;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  client_max_body_size 20m;
  upstream djzl {
    server 127.0.0.1:$APP1_PORT max_fails=3 fail_timeout=5s;
    server 127.0.0.1:$APP2_PORT max_fails=3 fail_timeout=5s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://djzl;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      # Retry on another instance only when the request never reached one (or its answer was
      # cut off), and only for idempotent methods (non_idempotent is deliberately not listed).
      # Not on the app's own 503 "database unavailable": the other instance shares the database,
      # and counting it as a failure would mark both instances down at once.
      proxy_next_upstream error timeout http_502;
      proxy_next_upstream_tries 2;
    }
  }
}
CONF
nginx -c "$dir/nginx.conf" -p "$dir"
wait_port "$NGINX_PORT" 10
