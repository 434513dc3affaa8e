#!/bin/sh
# Written by Kiln (docker provider): package scripts in a container start no daemons, as in Docker's own
# Debian images; a container runs the one process it was started with.
exit 101
