# A module that reaches the image through the puppet plugin's assets directory.
class kiln_site {
  file { '/etc/kiln-puppet-site':
    ensure  => file,
    mode    => '0644',
    content => "kiln_site came with the assets\n",
  }
}
