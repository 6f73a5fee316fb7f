#!/usr/bin/perl
# A canned target for the controller benchmark (bench/controller-bench.mjs): stands in for a host's
# powershell.exe and answers at once with a valid framed host report, so the controller pays exactly
# what a real host costs it (connection, bundle upload, frames to read and check) and the target almost
# nothing. Reads what the ssh-exec bootstrap reads on stdin (the bundle, then "#FSPAYLOAD <base64 JSON>"),
# and answers each check the payload asks to report with the result a real scan of a healthy host gave
# (FLEET_BENCH_CANNED names that capture: { "results": { id: result }, "report": document }).
use strict;
use warnings;
use JSON::PP;
use MIME::Base64;

my $payload;
while (my $line = <STDIN>) {
    $payload = $1 if $line =~ /^#FSPAYLOAD (\S+)/;
}
die "canned-powershell: no payload on stdin\n" unless defined $payload;
# Bytes in, bytes out: the payload, the capture and the frames are UTF-8.
my $json = JSON::PP->new->utf8;
my $p = $json->decode(decode_base64($payload));
open(my $fh, '<', $ENV{FLEET_BENCH_CANNED} // die "canned-powershell: FLEET_BENCH_CANNED is not set\n") or die "canned-powershell: $!\n";
my $canned = $json->decode(do { local $/; <$fh> });
my $marker = $p->{marker};

sub frame {
    my ($kind, $value) = @_;
    print $marker, ' ', $kind, ' ', encode_base64($json->encode($value), ''), "\n";
}

my @results;
for my $check (@{ $p->{checks} }) {
    next if defined $check->{report} && !$check->{report};
    my $result = $canned->{results}{ $check->{id} }
        // { id => $check->{id}, status => 'pass', summary => 'canned result', evidence => [], ms => 1 };
    frame('check', $result);
    push @results, $result;
}
# Each host answers with its own computer name, as real servers do (one name for all would make every
# host a duplicate of every other in the fleet checks).
my $computer = uc(substr($p->{host}, 0, 15));
my $report = { %{ $canned->{report} }, host => $p->{host}, computerName => $computer,
    facts => { %{ $canned->{report}{facts} // {} }, computerName => $computer }, results => \@results };
frame('report', $report);
