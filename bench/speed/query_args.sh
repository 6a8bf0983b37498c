# Sourced by bench/speed/run.sh and bench/shards/run.sh.
# query_args QUERY_NAME: the searcher's arguments for one query of the mix
# in $queries (a queries/*.tsv file: name class text source from to sort),
# one per line: the options, "--", then the query text.
query_args() {
  awk -F'\t' -v name="$1" '
    !/^#/ && $1 == name {
      text = $3
      if ($4 != "-" && $4 != "") text = text " source:" $4
      if (($5 != "-" && $5 != "") || ($6 != "-" && $6 != "")) {
        from = ($5 == "-") ? "" : $5; to = ($6 == "-") ? "" : $6
        text = text " date:" from ".." to
      }
      if ($7 == "newest") print "--sort\nnewest"
      print "--"
      print text
    }' "$queries"
}
