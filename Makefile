# Lede: make build | test | e2e | lint | bench | run
.PHONY: build test e2e lint bench run

build:
	dotnet build Lede.slnx --nologo

# The README's test command: every suite, with a throwaway PostgreSQL server on loopback for the store suites.
test:
	tools/with-postgres dotnet test Lede.slnx --nologo

e2e:
	dotnet test tests/Lede.EndToEnd.Tests --nologo

lint:
	dotnet format Lede.slnx --verify-no-changes

bench:
	dotnet run -c Release --project bench/Lede.Benchmarks -- --filter '*'

run:
	./lede --help
