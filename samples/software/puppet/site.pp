# Applied in the image by the puppet plugin (puppet apply). kiln_site comes from the assets directory.
include kiln_site

file { '/etc/kiln-puppet':
  ensure  => file,
  mode    => '0644',
  content => "applied by Puppet ${facts['puppetversion']} on Debian ${facts['os']['release']['major']}\n",
}
