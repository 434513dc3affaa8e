# Chef Infra Client settings, copied to /etc/chef by the chef plugin.
chef_server_url 'https://chef.example.org/organizations/kiln'
node_name_from_hostname = true
log_level :info
